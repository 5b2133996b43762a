"""Classify the sample digits with the torch plugin, in-process or through
a vaccel-agent (the plugins come from VACCEL_PLUGINS, as for every vaccel
application; for an agent only VACCEL_RPC_ADDRESS=unix:///path/to/agent.sock:
the rpc transport is compiled into the vaccel package).

    python classify.py MODEL_DIR IMAGE...
"""

import sys
from pathlib import Path

from vaccel import Resource, ResourceType, Session


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    with Session() as session, Resource(argv[1], ResourceType.MODEL) as model:
        model.register(session)
        for image in argv[2:]:
            text, _ = session.classify(Path(image).read_bytes())
            print(f"{Path(image).name}: {text}")
        model.unregister(session)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

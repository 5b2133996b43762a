"""Op families with their own types: vaccel.ops.torch, vaccel.ops.tf, vaccel.ops.tf.lite."""

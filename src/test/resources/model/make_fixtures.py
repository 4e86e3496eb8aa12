#!/usr/bin/python3
"""Tiny ONNX models for CommandModelTest, built with the onnx helper API (no training involved).

Run from this folder: /usr/bin/python3 make_fixtures.py
  tiny.onnx          valid: mean over frames, a fixed matrix, softmax; Earshot metadata with 12 labels
  no-metadata.onnx   the same graph without Earshot metadata
  wrong-rate.onnx    metadata asking for 8 kHz features, which the front end cannot produce
  wrong-width.onnx   metadata for 13 coefficients while the graph takes 20
  wrong-window.onnx  a graph that takes exactly 25 frames while the metadata's window is 49
  other-order.onnx   valid, as tiny.onnx, but its labels in another order (yes and no swapped)
"""
import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

LABELS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "_silence_", "_unknown_"]
FEATURES = {"sample_rate": 16000, "frame_length": 512, "hop_length": 320, "mel_bands": 40,
            "coefficients": 20, "low_hz": 60.0, "high_hz": 7600.0}


def graph(coefficients, frames="frames"):
    rng = np.random.default_rng(3)
    weights = numpy_helper.from_array(rng.standard_normal((coefficients, len(LABELS))).astype(np.float32), "weights")
    nodes = [
        helper.make_node("ReduceMean", ["mfcc"], ["pooled"], axes=[1], keepdims=0),
        helper.make_node("MatMul", ["pooled", "weights"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["posteriors"], axis=-1),
    ]
    return helper.make_graph(
        nodes, "tiny",
        [helper.make_tensor_value_info("mfcc", TensorProto.FLOAT, ["batch", frames, coefficients])],
        [helper.make_tensor_value_info("posteriors", TensorProto.FLOAT, ["batch", len(LABELS)])],
        [weights])


def save(name, coefficients, features, frames="frames", labels=LABELS):
    model = helper.make_model(graph(coefficients, frames), opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    if features is not None:
        metadata = {"format": 1, "labels": labels, "features": features,
                    "normalisation": {"mean": [0.0] * features["coefficients"], "std": [1.0] * features["coefficients"]},
                    "window_frames": 49}
        entry = model.metadata_props.add()
        entry.key, entry.value = "earshot", json.dumps(metadata)
    onnx.checker.check_model(model)
    onnx.save(model, name)


save("tiny.onnx", 20, FEATURES)
save("no-metadata.onnx", 20, None)
save("wrong-rate.onnx", 20, dict(FEATURES, sample_rate=8000, high_hz=3800.0))
save("wrong-width.onnx", 20, dict(FEATURES, coefficients=13))
save("wrong-window.onnx", 20, FEATURES, frames=25)
save("other-order.onnx", 20, FEATURES, labels=["no", "yes"] + LABELS[2:])

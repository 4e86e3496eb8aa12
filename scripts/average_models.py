#!/usr/bin/python3
"""Join Earshot models trained on the same features into one ONNX model that averages their posteriors.

Usage: average_models.py OUT.onnx MEMBER.onnx [MEMBER.onnx ...]

The members must share labels, feature settings, normalisation and window (train.py on one WORK
folder with different seeds gives that). OUT carries the first member's metadata with the summed
parameter count, an architecture line naming the members, and each member's own metadata. Earshot
runs OUT like any other model: one input (mfcc), one output (posteriors). Run it with Debian's
/usr/bin/python3 (python3-onnx).
"""
import json
import os
import sys

import onnx
from onnx import compose, helper

SHARED = ("labels", "features", "normalisation", "window_frames")


def metadata(model, path):
    for entry in model.metadata_props:
        if entry.key == "earshot":
            return json.loads(entry.value)
    sys.exit(f"average_models.py: {path}: no Earshot metadata")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[2])
    out, paths = sys.argv[1], sys.argv[2:]
    for path in paths:
        if not os.path.isfile(path):
            sys.exit(f"average_models.py: {path}: no such model file")
    models = [onnx.load(p) for p in paths]
    members = [metadata(m, p) for m, p in zip(models, paths)]
    for path, member in zip(paths, members):
        if "parameters" not in member:
            sys.exit(f"average_models.py: {path}: its metadata names no parameter count (not made by train.py?)")
    for path, member in zip(paths[1:], members[1:]):
        for key in SHARED:
            if member[key] != members[0][key]:
                sys.exit(f"average_models.py: {path}: its {key} differ from {paths[0]}'s; members must share their features")

    nodes, initializers, outputs = [], [], []
    for i, model in enumerate(models):
        prefixed = compose.add_prefix(model, f"member{i}_")
        for node in prefixed.graph.node:
            # Every member reads the one shared input.
            node.input[:] = ["mfcc" if name == f"member{i}_mfcc" else name for name in node.input]
        nodes.extend(prefixed.graph.node)
        initializers.extend(prefixed.graph.initializer)
        outputs.append(f"member{i}_posteriors")
    nodes.append(helper.make_node("Sum", outputs, ["posterior_sum"]))
    initializers.append(helper.make_tensor("member_count", onnx.TensorProto.FLOAT, [], [float(len(models))]))
    nodes.append(helper.make_node("Div", ["posterior_sum", "member_count"], ["posteriors"]))
    first = models[0].graph
    graph = helper.make_graph(nodes, "earshot_average", [first.input[0]], [first.output[0]], initializers)
    joined = helper.make_model(graph, opset_imports=models[0].opset_import, producer_name="earshot scripts/average_models.py")
    joined.ir_version = models[0].ir_version

    parameters = sum(m["parameters"] for m in members)
    merged = {key: members[0][key] for key in ("format",) + SHARED}
    merged["architecture"] = f"average of {len(members)} models: " + "; ".join(m["architecture"] for m in members)
    merged["parameters"] = parameters
    merged["members"] = members
    entry = joined.metadata_props.add()
    entry.key, entry.value = "earshot", json.dumps(merged)
    onnx.checker.check_model(joined)
    onnx.save(joined, out)
    print(f"wrote {out} ({os.path.getsize(out)} bytes): average of {len(members)} models, {parameters} parameters", flush=True)


if __name__ == "__main__":
    main()

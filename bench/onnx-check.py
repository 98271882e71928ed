#!/usr/bin/python3
"""Checks exported ONNX files with onnx.checker.check_model(model, full_check=True).

    /usr/bin/python3 bench/onnx-check.py <file.onnx>...

One line per file (ok, with IR version and opsets, or FAIL with the checker's message); exits 1
when any file fails, 2 when python3-onnx is missing. full_check also runs strict shape
inference, so every operator, attribute and type in the graph must be known to this onnx.
"""
import sys

try:
    import onnx
except ImportError:
    print("error: python3-onnx is not installed (Debian: apt-get install python3-onnx)", file=sys.stderr)
    sys.exit(2)


def main(paths):
    if not paths:
        print("usage: onnx-check.py <file.onnx>...", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
            print(f"ok    {path}  (IR {model.ir_version}; {opsets}; {len(model.graph.node)} nodes)")
        except Exception as err:  # the checker raises ValidationError, shape inference InferenceError
            failed += 1
            message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            print(f"FAIL  {path}: {message}")
    print(f"onnx {onnx.__version__}: {len(paths) - failed} of {len(paths)} files pass check_model(full_check=True)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

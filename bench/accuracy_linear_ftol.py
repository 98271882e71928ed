"""scipy's L-BFGS-B as sklearn calls it, with its relative-decrease stop (ftol) switched off,
so that `tol` alone decides (shared by bench/accuracy-linear.py and bench/lbfgs-speed.py)."""
import contextlib
from scipy import optimize


@contextlib.contextmanager
def lbfgs_without_ftol():
    """sklearn 1.2.1 calls scipy.optimize.minimize(method="L-BFGS-B") via _logistic.optimize."""
    original = optimize.minimize

    def minimize(*args, **kwargs):
        if kwargs.get("method") == "L-BFGS-B":
            kwargs["options"] = {**kwargs.get("options", {}), "ftol": 0.0}
        return original(*args, **kwargs)

    optimize.minimize = minimize
    try:
        yield
    finally:
        optimize.minimize = original

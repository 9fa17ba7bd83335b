"""What a notebook expects of a Python kernel, on top of the session's own `display()`:
`clear_output()`, `IPython.display` sending to the notebook (when IPython is installed), and
matplotlib figures shown inline. Run by the kernel once per worker, silently; it only adds
builtins, an import hook and an environment default, never a name of the user's namespace.

The kernel reads messages to itself as displays of the MIME type below and never shows them.
"""

import builtins as _builtins
import importlib.abc as _abc
import importlib.util as _util
import os as _os
import sys as _sys

_KERNEL_MIME = "application/vnd.phicode.kernel+json"
_show = _builtins.display


def _tell(message):
    _show({_KERNEL_MIME: message, "text/plain": ""}, raw=True)


def clear_output(wait=False):
    """Clears the cell's output (with `wait`, when the next output arrives)."""
    _tell({"clear_output": {"wait": bool(wait)}})


def _ipython_display(*objs, include=None, exclude=None, metadata=None, transient=None,
                     display_id=None, raw=False, clear=False, update=False, **kwargs):
    """IPython's `display()`, sent to the notebook through the session."""
    if clear:
        clear_output(wait=True)
    if display_id is True:
        import uuid

        display_id = uuid.uuid4().hex
    if transient and not display_id:
        display_id = transient.get("display_id")
    for obj in objs:
        _show(obj, raw=raw, metadata=metadata, display_id=display_id, update=update)
    if display_id and not update:
        from IPython.core.display_functions import DisplayHandle

        return DisplayHandle(display_id)
    return None


def _patch_display_functions(module):
    module.display = _ipython_display
    module.clear_output = clear_output


_INLINE_BACKEND = '''
"""matplotlib's inline backend for the phicode kernel: figures become PNG displays."""
import base64 as _b64
import io as _io

from matplotlib import _pylab_helpers
from matplotlib.backend_bases import FigureManagerBase as FigureManager
from matplotlib.backends.backend_agg import FigureCanvasAgg as FigureCanvas


def show(block=None):
    for manager in _pylab_helpers.Gcf.get_all_fig_managers():
        figure = manager.canvas.figure
        buffer = _io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        png = _b64.b64encode(buffer.getvalue()).decode("ascii")
        display({"image/png": png, "text/plain": repr(figure)}, raw=True)
    _pylab_helpers.Gcf.destroy_all()
'''


class _Hooks(_abc.MetaPathFinder, _abc.Loader):
    """Patches IPython's display functions as they load; serves the inline backend."""

    def find_spec(self, name, path=None, target=None):
        if name == "phicode_inline":
            return _util.spec_from_loader(name, self)
        if name != "IPython.core.display_functions":
            return None
        for finder in _sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                original = spec.loader.exec_module

                def exec_module(module, original=original):
                    original(module)
                    _patch_display_functions(module)

                spec.loader.exec_module = exec_module
                return spec
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _tell({"matplotlib": True})
        exec(compile(_INLINE_BACKEND, "<phicode inline backend>", "exec"), module.__dict__)


def flush_figures():
    """Shows the figures a cell left open (the kernel calls it after cells, once
    matplotlib's inline backend was loaded)."""
    pyplot = _sys.modules.get("matplotlib.pyplot")
    if pyplot is not None and pyplot.get_fignums():
        pyplot.show()


_builtins.clear_output = clear_output
_builtins.__phicode_flush_figures__ = flush_figures
if "IPython.core.display_functions" in _sys.modules:
    _patch_display_functions(_sys.modules["IPython.core.display_functions"])
if not any(isinstance(f, _Hooks) for f in _sys.meta_path):
    _sys.meta_path.insert(0, _Hooks())
_os.environ.setdefault("MPLBACKEND", "module://phicode_inline")

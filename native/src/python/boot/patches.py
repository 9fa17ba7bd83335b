

# Patching standard modules as they are first imported (a part of the bootstrap: see
# boot.py): `inspect` (see inspect_patch.py) and `multiprocessing.spawn` (see
# spawn_patch.py), each only when a program imports it, so a program that does not pays
# nothing.


class _Patcher:
    """A meta path entry that runs `pending[name](module)` right after module `name` is
    first executed, and leaves `sys.meta_path` once nothing is pending."""

    pending = {}  # module name -> patch function

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        patch = cls.pending.pop(fullname, None)
        if patch is None:
            return None
        if not cls.pending and cls in sys.meta_path:
            sys.meta_path.remove(cls)
        spec = _bootstrap._find_spec(fullname, path, target)
        loader = getattr(spec, "loader", None)
        if loader is not None and hasattr(loader, "exec_module"):
            exec_module = loader.exec_module

            def exec_and_patch(module):
                exec_module(module)
                patch(module)

            loader.exec_module = exec_and_patch
        return spec


def _install_patches(patches):
    """Patches the modules already imported at once, and the others as they come."""
    for name, patch in patches.items():
        if name in sys.modules:
            patch(sys.modules[name])
        else:
            _Patcher.pending[name] = patch
    if _Patcher.pending and _Patcher not in sys.meta_path:
        sys.meta_path.insert(0, _Patcher)

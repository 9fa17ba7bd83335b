if True: pass  # BOM

x = f"{'abc}"
if y: pass

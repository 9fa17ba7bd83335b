def parse(text):
    try:
        value = int(text)
    except (ValueError, TypeError) as error:
        raise RuntimeError("bad number") from error
    except Exception:
        raise
    else:
        return value
    finally:
        print("parsed")

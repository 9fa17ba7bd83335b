config = {"if": 1, 'for': [len(x)], "print": {"len": None}}
value = config["if"] if "if" in config else config.get('for')
config['print']["len"] = True

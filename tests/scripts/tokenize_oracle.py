"""Independent oracle for Python -> phi output: Python's own tokenize module.

Input (stdin): JSON {"words": [mapped Python words], "files": [paths of phi outputs]}.
A NAME token equal to a mapped word is a violation unless it is an attribute: right
after a "." that itself follows an expression (a name, a literal or a closing bracket;
not the dots of "from . import", "from .. import" or "..."). An ":=" operator left in
code is a violation too (it must have become its symbol).
From 3.12 on, tokenize reads replacement fields inside f-strings as code, so they are
checked too; phi symbols read as NAME tokens there. A file the tokenizer rejects is
reported under "failed" with the tokens before the error still checked.
Output: JSON {"version": [major, minor], "checked": n, "violations": [...], "failed": [...]}.
"""
import io
import json
import sys
import tokenize

SKIP = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT,
        tokenize.ENCODING}
EXPRESSION_END = {tokenize.NAME, tokenize.NUMBER, tokenize.STRING}
if hasattr(tokenize, "FSTRING_END"):
    EXPRESSION_END.add(tokenize.FSTRING_END)


def is_attribute(obj, dot, not_objects):
    """Whether a name after the tokens obj, dot is an attribute (obj.name)."""
    return (
        dot is not None and dot.type == tokenize.OP and dot.string == "."
        and obj is not None
        and (obj.type in EXPRESSION_END
             or (obj.type == tokenize.OP and obj.string in (")", "]", "}")))
        and obj.string not in not_objects
    )


def check_file(path, words, not_objects, violations):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    # Outputs are UTF-8 whatever coding cookie they carry; line ends as Python reads them.
    before = [None, None]  # the two previous significant tokens
    for tok in tokenize.generate_tokens(io.StringIO(text, newline=None).readline):
        if tok.type in SKIP:
            continue
        problem = None
        if tok.type == tokenize.OP and tok.string == ":=":
            problem = "walrus"
        elif (tok.type == tokenize.NAME and tok.string in words
              and not is_attribute(before[0], before[1], not_objects)):
            problem = "word"
        if problem:
            violations.append({"path": path, "line": tok.start[0], "column": tok.start[1] + 1,
                               "token": tok.string, "problem": problem})
        before = [before[1], tok]


def main():
    request = json.load(sys.stdin)
    words = set(request["words"])
    # Names after which a dot is no attribute dot: `from . import x` and its phi spelling.
    not_objects = set(request.get("from_spellings", [])) | {"from", "import"}
    violations, failed = [], []
    for path in request["files"]:
        try:
            check_file(path, words, not_objects, violations)
        except (SyntaxError, tokenize.TokenError, UnicodeDecodeError) as error:
            failed.append({"path": path, "error": str(error)})
    json.dump({"version": list(sys.version_info[:2]), "checked": len(request["files"]),
               "violations": violations, "failed": failed}, sys.stdout)


main()

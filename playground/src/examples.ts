// Example programs to start from.
export interface Example {
  name: string;
  code: string;
  dialect?: string;
}

const SPANISH = `{
  "symbols": {
    "if": "si",
    "else": "sino",
    "for": "para",
    "in": "en",
    "print": "imprimir",
    "def": "función"
  }
}`;

export const EXAMPLES: Example[] = [
  {
    name: 'Hello, φ',
    code: `ƒ greet(names):
    ∀ i, n ∈ №(names):
        ¿ n ∧ ¬ n.startswith("_"):
            π(f"{i}: hello, {n}!")

greet(["Ada", "_hidden", "Grace"])
π("total:", ∑(ℓ(n) ∀ n ∈ ["Ada", "Grace"]))
`,
  },
  {
    name: 'Ask with input()',
    code: `name = input("Your name? ")
times = int(input("How many times? "))
∀ _ ∈ ⟪(times):
    π(f"Hi {name}")
`,
  },
  {
    name: 'Top-level await',
    code: `⇒ asyncio

⟳ ƒ tick(n):
    ⌛ asyncio.sleep(0.05)
    ⟲ n * n

squares = ⌛ asyncio.gather(*(tick(n) ∀ n ∈ ⟪(5)))
π("squares:", squares)
`,
  },
  {
    name: 'An error (traceback on φ lines)',
    code: `ƒ average(xs):
    ⟲ ∑(xs) / ℓ(xs)

π(average([1, 2, 3]))
π(average([]))
`,
  },
  {
    name: 'Runaway loop (press Stop)',
    code: `n = 0
↻ ✓:
    n += 1
`,
  },
  {
    name: 'Pattern matching',
    code: `ƒ describe(point):
    ⟷ point:
        ▷ (0, 0):
            ⟲ "origin"
        ▷ (x, 0):
            ⟲ f"on the x axis at {x}"
        ▷ (x, y) ¿ x == y:
            ⟲ "on the diagonal"
        ▷ _:
            ⟲ "somewhere else"

∀ p ∈ [(0, 0), (3, 0), (2, 2), (1, 5)]:
    π(p, "→", describe(p))
`,
  },
  {
    name: 'Spanish dialect',
    dialect: SPANISH,
    code: `función saluda(nombres):
    para n en nombres:
        si n:
            imprimir("hola", n)
        sino:
            imprimir("¿quién?")

saluda(["Ana", "", "Luis"])
`,
  },
];

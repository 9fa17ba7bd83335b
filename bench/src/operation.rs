//! What the table times: both conversions and the baselines, with their row labels.

use serde::Serialize;

/// What is timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// `to_python` on the φ input.
    ToPython,
    /// `to_python_with` and a column map, on the φ input.
    ToPythonWithMap,
    /// `to_phicode` on the Python twin.
    ToPhicode,
    /// Vectorised sum of the φ input's bytes.
    ByteSum,
    /// Serial byte-at-a-time loop over the φ input.
    ByteLoop,
    /// Visiting every quote, `#` and non-ASCII character of the φ input, doing nothing.
    EventWalk,
    /// Swapping every symbol of the φ input with no lexing: the least per-symbol work.
    SymbolSwap,
    /// The symbol swap without bounds checks or text-dependent branches: the ceiling.
    SymbolSwapUnchecked,
    /// Looking up every identifier of the Python twin in the mapped words, doing nothing else.
    WordWalk,
    /// Finding and stepping over every string and comment of the φ input, doing nothing else.
    StringWalk,
    /// Copy of the φ input.
    Memcpy,
}

impl Operation {
    /// Every operation, in table order.
    pub const ALL: [Self; 11] = [
        Self::ToPython,
        Self::ToPythonWithMap,
        Self::ToPhicode,
        Self::ByteSum,
        Self::ByteLoop,
        Self::EventWalk,
        Self::SymbolSwap,
        Self::SymbolSwapUnchecked,
        Self::WordWalk,
        Self::StringWalk,
        Self::Memcpy,
    ];

    /// The row's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::ToPython => "φ → Python",
            Self::ToPythonWithMap => "φ → Python + column map",
            Self::ToPhicode => "Python → φ",
            Self::ByteSum => "baseline: byte sum (SIMD)",
            Self::ByteLoop => "baseline: plain byte loop",
            Self::EventWalk => "baseline: event walk",
            Self::SymbolSwap => "baseline: symbol swap",
            Self::SymbolSwapUnchecked => "baseline: unchecked swap",
            Self::WordWalk => "baseline: word walk (Py)",
            Self::StringWalk => "baseline: string walk",
            Self::Memcpy => "baseline: memcpy",
        }
    }
}

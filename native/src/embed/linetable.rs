//! CPython's location table (`co_linetable`, 3.11+; format in CPython's
//! `Objects/locations.md`): decoding it into entries and encoding entries back, the way
//! CPython's compiler writes them.

/// Columns of an entry (0-based UTF-8 byte offsets in their lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// Line delta from the previous entry's line.
    pub line_delta: i64,
    /// The end line minus this entry's line.
    pub end_line_delta: u64,
    /// Start column, if known.
    pub column: Option<u32>,
    /// End column, if known.
    pub end_column: Option<u32>,
}

/// What an entry says about its code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// No location at all (code 15).
    Nowhere,
    /// A line without columns (code 13).
    Line(i64),
    /// A line range with columns (codes 0–12, 14).
    Columns(Columns),
}

/// One entry: `units` code units (1–8) share `location`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// How many code units it covers.
    pub units: u8,
    /// Where they come from.
    pub location: Location,
}

/// The entries of a table, or `None` if it is malformed.
pub fn decode(table: &[u8]) -> Option<Vec<Entry>> {
    let mut bytes = table.iter().copied();
    let mut entries = Vec::new();
    while let Some(first) = bytes.next() {
        if first & 0x80 == 0 {
            return None;
        }
        let code = (first >> 3) & 15;
        let units = (first & 7) + 1;
        let location = match code {
            15 => Location::Nowhere,
            13 => Location::Line(svarint(&mut bytes)?),
            14 => {
                let line_delta = svarint(&mut bytes)?;
                let end_line_delta = varint(&mut bytes)?;
                let column = (varint(&mut bytes)? as u32).checked_sub(1);
                let end_column = (varint(&mut bytes)? as u32).checked_sub(1);
                Location::Columns(Columns { line_delta, end_line_delta, column, end_column })
            }
            10..=12 => {
                let (column, end) = (u32::from(bytes.next()?), u32::from(bytes.next()?));
                let line_delta = i64::from(code - 10);
                Location::Columns(Columns {
                    line_delta,
                    end_line_delta: 0,
                    column: Some(column),
                    end_column: Some(end),
                })
            }
            _ => {
                let second = bytes.next()?;
                let column = u32::from(code) * 8 + u32::from((second >> 4) & 7);
                let end = column + u32::from(second & 15);
                Location::Columns(Columns {
                    line_delta: 0,
                    end_line_delta: 0,
                    column: Some(column),
                    end_column: Some(end),
                })
            }
        };
        entries.push(Entry { units, location });
    }
    Some(entries)
}

/// The table for `entries`, in the most compact form each allows (as CPython writes it).
pub fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in entries {
        let head = |code: u8| 0x80 | (code << 3) | (entry.units - 1);
        match entry.location {
            Location::Nowhere => out.push(head(15)),
            Location::Line(delta) => {
                out.push(head(13));
                write_svarint(&mut out, delta);
            }
            Location::Columns(c) => match (c.column, c.end_column) {
                (Some(col), Some(end))
                    if c.end_line_delta == 0
                        && c.line_delta == 0
                        && col < 80
                        && end >= col
                        && end - col < 16 =>
                {
                    out.push(head((col / 8) as u8));
                    out.push((((col % 8) as u8) << 4) | (end - col) as u8);
                }
                // Below 128 only, as CPython writes it: its readers find the start of an
                // entry by the high bit, so a payload byte of 128 or more would pass for one
                // (a traceback then walked back into garbage and showed line -395553739).
                (Some(col), Some(end))
                    if c.end_line_delta == 0
                        && (0..3).contains(&c.line_delta)
                        && col < 128
                        && end < 128 =>
                {
                    out.push(head(10 + c.line_delta as u8));
                    out.push(col as u8);
                    out.push(end as u8);
                }
                (col, end) => {
                    out.push(head(14));
                    write_svarint(&mut out, c.line_delta);
                    write_varint(&mut out, c.end_line_delta);
                    write_varint(&mut out, col.map_or(0, |c| u64::from(c) + 1));
                    write_varint(&mut out, end.map_or(0, |c| u64::from(c) + 1));
                }
            },
        }
    }
    out
}

fn varint(bytes: &mut impl Iterator<Item = u8>) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let b = bytes.next()?;
        value |= u64::from(b & 63).checked_shl(shift)?;
        if b & 64 == 0 {
            return Some(value);
        }
        shift += 6;
    }
}

fn svarint(bytes: &mut impl Iterator<Item = u8>) -> Option<i64> {
    let raw = varint(bytes)?;
    let magnitude = (raw >> 1) as i64;
    Some(if raw & 1 == 1 { -magnitude } else { magnitude })
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 64 {
        out.push(64 | (value & 63) as u8);
        value >>= 6;
    }
    out.push(value as u8);
}

fn write_svarint(out: &mut Vec<u8>, value: i64) {
    let raw = if value < 0 { (value.unsigned_abs() << 1) | 1 } else { (value as u64) << 1 };
    write_varint(out, raw);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_round_trips() {
        let col = |line_delta, end_line_delta, column, end_column| {
            Location::Columns(Columns { line_delta, end_line_delta, column, end_column })
        };
        let entries = [
            Entry { units: 1, location: Location::Nowhere },
            Entry { units: 8, location: Location::Line(-3) },
            Entry { units: 2, location: col(0, 0, Some(4), Some(9)) },
            Entry { units: 3, location: col(2, 0, Some(100), Some(110)) },
            Entry { units: 3, location: col(1, 0, Some(121), Some(133)) },
            Entry { units: 1, location: col(-1, 2, Some(1000), None) },
            Entry { units: 4, location: col(70, 0, None, None) },
        ];
        let table = encode(&entries);
        assert_eq!(decode(&table), Some(entries.to_vec()));
        assert_eq!(table[3..5], [0x80 | 1, (4 << 4) | 5][..]);
    }

    #[test]
    fn only_entry_heads_have_the_high_bit() {
        let columns =
            Columns { line_delta: 0, end_line_delta: 0, column: Some(121), end_column: Some(133) };
        let table = encode(&[Entry { units: 1, location: Location::Columns(columns) }]);
        assert!(table[0] & 0x80 != 0);
        assert!(table[1..].iter().all(|b| b & 0x80 == 0), "{table:?}");
    }

    #[test]
    fn malformed_tables_are_refused() {
        assert_eq!(decode(&[0x01]), None);
        assert_eq!(decode(&[0x80 | (14 << 3)]), None);
    }
}

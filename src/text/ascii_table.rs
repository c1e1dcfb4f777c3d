//! A character-category lookup with a table for ASCII, shared by the
//! sentence- and word-boundary modules.

/// Defines `fn category(c: char) -> Option<$cat>` for a module whose
/// `const fn known_category(c: char) -> Option<$cat>` matches every known
/// character: ASCII is looked up in a table built at compile time from that
/// same match (so the two cannot drift apart), anything else is matched.
/// Most of a news text is ASCII, and every character of a claim sentence is
/// asked for.
macro_rules! ascii_lookup {
    ($cat:ty) => {
        /// The category of `c`, or None when it is not one of the known characters.
        fn category(c: char) -> Option<$cat> {
            const ASCII: [Option<$cat>; 128] = {
                let mut table = [None; 128];
                let mut i = 0;
                while i < 128 {
                    table[i] = known_category(i as u8 as char);
                    i += 1;
                }
                table
            };
            match ASCII.get(c as usize) {
                Some(&cat) => cat,
                None => known_category(c),
            }
        }
    };
}

pub(crate) use ascii_lookup;

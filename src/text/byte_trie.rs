//! A trie of byte strings in three flat arrays, walked from a position
//! the caller chooses.
//!
//! Both of the library's phrase searches only ever want phrases that start
//! at a few positions (a word start, a cue that stands on word
//! boundaries), and stop at the first position with an answer. An
//! Aho-Corasick automaton reads every byte through its failure links and
//! reports every occurrence; a trie walked from the chosen positions reads
//! one table entry for a position no phrase starts with, and a few bytes
//! more where one does.

// Node and pattern numbers: a glossary holds thousands, far from the limit.
use crate::span::narrow;

/// No node: a byte that continues no pattern.
const NONE: u32 = u32::MAX;

/// A node of the built trie: its children and patterns are runs of
/// [`ByteTrie::edges`] and [`ByteTrie::ends`], so the trie is three
/// arrays, not two small vectors per node.
#[derive(Debug, Clone, Copy)]
struct Node {
    edges: u32,
    edge_count: u32,
    ends: u32,
    end_count: u32,
}

/// The patterns as a trie of their bytes, with ASCII letters folded to
/// lowercase when asked.
#[derive(Debug, Clone)]
pub struct ByteTrie {
    /// The node of each first byte (in either case when folding): the
    /// root's children, looked up directly.
    root: Box<[u32; 256]>,
    nodes: Vec<Node>,
    /// (byte, node) of every node's children.
    edges: Vec<(u8, u32)>,
    /// The patterns that end at every node.
    ends: Vec<u32>,
    fold_ascii: bool,
}

impl ByteTrie {
    /// The trie of `patterns`; pattern `i` is reported as `i`. With
    /// `fold_ascii`, ASCII letters match in either case.
    ///
    /// The patterns are added in sorted order, so each shares its path with
    /// the one before as far as their common prefix and the nodes are made
    /// without looking any child up: the glossary's trie is built at every
    /// start, for an editor's single file too.
    pub fn new<S: AsRef<str>>(patterns: &[S], fold_ascii: bool) -> ByteTrie {
        let mut sorted: Vec<(Vec<u8>, u32)> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.as_ref().is_empty())
            .map(|(id, p)| {
                let bytes = p.as_ref().bytes().map(|b| fold(fold_ascii, b)).collect();
                (bytes, narrow(id))
            })
            .collect();
        sorted.sort_unstable();
        let mut root = Box::new([NONE; 256]);
        // (parent, byte, child) of every node below the root, and (node,
        // pattern) of every pattern's end.
        let mut links: Vec<(u32, u8, u32)> = Vec::new();
        let mut ends: Vec<(u32, u32)> = Vec::with_capacity(sorted.len());
        let mut path: Vec<u32> = Vec::new();
        let mut count: u32 = 0;
        for (k, (bytes, id)) in sorted.iter().enumerate() {
            let common = k
                .checked_sub(1)
                .and_then(|j| sorted.get(j))
                .map_or(0, |(prev, _)| {
                    prev.iter().zip(bytes).take_while(|(a, b)| a == b).count()
                });
            path.truncate(common);
            for &b in bytes.iter().skip(common) {
                let node = count;
                count += 1;
                match path.last() {
                    None => {
                        root[usize::from(b)] = node;
                        if fold_ascii {
                            root[usize::from(b.to_ascii_uppercase())] = node;
                        }
                    }
                    Some(&parent) => links.push((parent, b, node)),
                }
                path.push(node);
            }
            if let Some(&node) = path.last() {
                ends.push((node, *id));
            }
        }
        // Each node's children and patterns as one run, placed by counting
        // (children stay in byte order, patterns in number order).
        let (edges, edge_at) = runs(count, &links, |&(parent, b, child)| (parent, (b, child)));
        let (ends, end_at) = runs(count, &ends, |&(node, id)| (node, id));
        let nodes = (0..count as usize)
            .map(|n| {
                let (e0, e1) = (edge_at[n], edge_at[n + 1]);
                let (p0, p1) = (end_at[n], end_at[n + 1]);
                Node {
                    edges: e0,
                    edge_count: e1 - e0,
                    ends: p0,
                    end_count: p1 - p0,
                }
            })
            .collect();
        ByteTrie {
            root,
            nodes,
            edges,
            ends,
            fold_ascii,
        }
    }

    /// Whether some pattern starts with byte `b`: one table entry.
    #[inline]
    pub fn starts_with(&self, b: u8) -> bool {
        self.root[usize::from(b)] != NONE
    }

    fn children(&self, n: &Node) -> &[(u8, u32)] {
        let at = n.edges as usize;
        self.edges
            .get(at..at + n.edge_count as usize)
            .unwrap_or(&[])
    }

    fn patterns(&self, n: &Node) -> &[u32] {
        let at = n.ends as usize;
        self.ends.get(at..at + n.end_count as usize).unwrap_or(&[])
    }

    /// Calls `found(pattern, end)` for every pattern that occurs in
    /// `bytes[..end]` starting at `at`, shortest first.
    #[inline]
    pub fn walk(&self, bytes: &[u8], at: usize, end: usize, found: &mut impl FnMut(usize, usize)) {
        let Some(&first) = bytes.get(at).filter(|_| at < end) else {
            return;
        };
        let mut node = self.root[usize::from(first)];
        let mut next = at + 1;
        while let Some(n) = self.nodes.get(node as usize) {
            for &p in self.patterns(n) {
                found(p as usize, next);
            }
            let Some(&b) = bytes.get(next).filter(|_| next < end) else {
                return;
            };
            let b = fold(self.fold_ascii, b);
            match self.children(n).iter().find(|&&(c, _)| c == b) {
                Some(&(_, child)) => node = child,
                None => return,
            }
            next += 1;
        }
    }
}

/// `b`, lowercased if it is an ASCII letter and the trie folds case.
fn fold(fold_ascii: bool, b: u8) -> u8 {
    if fold_ascii {
        b.to_ascii_lowercase()
    } else {
        b
    }
}

/// `items` grouped by the node `key` gives each, in their order within a
/// node, with where each node's run starts (`count + 1` offsets).
fn runs<I, T: Copy + Default>(
    count: u32,
    items: &[I],
    key: impl Fn(&I) -> (u32, T),
) -> (Vec<T>, Vec<u32>) {
    let mut at = vec![0u32; count as usize + 1];
    for item in items {
        if let Some(n) = at.get_mut(key(item).0 as usize + 1) {
            *n += 1;
        }
    }
    for i in 1..at.len() {
        at[i] += at[i - 1];
    }
    let mut out = vec![T::default(); items.len()];
    let mut next = at.clone();
    for item in items {
        let (node, value) = key(item);
        if let Some(slot) = next.get_mut(node as usize) {
            if let Some(o) = out.get_mut(*slot as usize) {
                *o = value;
            }
            *slot += 1;
        }
    }
    (out, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(trie: &ByteTrie, text: &str, start: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        trie.walk(text.as_bytes(), start, text.len(), &mut |p, e| {
            out.push((p, e))
        });
        out
    }

    #[test]
    fn reports_every_pattern_from_a_position_shortest_first() {
        let trie = ByteTrie::new(&["not", "no", "not yet", "yet", "één"], false);
        assert_eq!(at(&trie, "not yet", 0), vec![(1, 2), (0, 3), (2, 7)]);
        assert_eq!(at(&trie, "not yet", 4), vec![(3, 7)]);
        assert_eq!(at(&trie, "één keer", 0), vec![(4, 5)]);
        // Without folding, case matters; the end bounds the walk.
        assert!(at(&trie, "Not", 0).is_empty());
        let mut short = Vec::new();
        trie.walk(b"not yet", 0, 2, &mut |p, e| short.push((p, e)));
        assert_eq!(short, vec![(1, 2)]);
        assert!(trie.starts_with(b'n') && !trie.starts_with(b'N'));
    }

    #[test]
    fn folds_ascii_case_when_asked() {
        let trie = ByteTrie::new(&["Llama 3", "llama"], true);
        assert_eq!(at(&trie, "LLAMA 3", 0), vec![(1, 5), (0, 7)]);
        assert!(trie.starts_with(b'L') && trie.starts_with(b'l'));
    }
}

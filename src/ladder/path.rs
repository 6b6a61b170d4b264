//! The order of a ladder's levels: each level follows one or more earlier ones (`after`), so
//! an IC / manager fork is two branches from one level, and a move between branches is a
//! change of track rather than a promotion.
//!
//! A level's first predecessor makes a tree (a forest: the lowest levels have none). Most
//! ladders are that tree and nothing more, and there "is A at or below B" is two comparisons
//! of the tree's entry and exit numbers, whatever the number of levels. A level that follows
//! several (a merge) makes the order a graph; then the question walks the levels below.

/// How a target level stands to a current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The same level.
    Same,
    /// The target follows the current level, directly or through others: a promotion.
    Up,
    /// The current level follows the target: the target is below.
    Down,
    /// Neither follows the other: the target is on another track.
    Across,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Order {
    /// The levels each level follows, first one first; each is earlier in the list.
    pub(super) parents: Vec<Vec<usize>>,
    /// Depth in the tree of first predecessors (0: a lowest level).
    pub(super) depth: Vec<usize>,
    /// Entry and exit numbers of a depth-first walk of that tree.
    enter: Vec<usize>,
    exit: Vec<usize>,
    /// Whether some level follows more than one.
    merges: bool,
}

impl Order {
    /// `parents[i]` lists levels before `i` only, so the order has no cycle.
    pub(super) fn new(parents: Vec<Vec<usize>>) -> Order {
        let n = parents.len();
        let mut depth = vec![0; n];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, p) in parents.iter().enumerate() {
            if let Some(&first) = p.first() {
                depth[i] = depth[first] + 1;
                children[first].push(i);
            }
        }
        let (mut enter, mut exit) = (vec![0; n], vec![0; n]);
        let mut clock = 0;
        // Iterative: a ladder of twenty thousand levels in one line is twenty thousand deep.
        for root in (0..n).filter(|&i| parents[i].is_empty()) {
            let mut stack = vec![(root, 0usize)];
            enter[root] = clock;
            clock += 1;
            while let Some((node, next)) = stack.last_mut() {
                if let Some(&child) = children[*node].get(*next) {
                    *next += 1;
                    enter[child] = clock;
                    clock += 1;
                    stack.push((child, 0));
                } else {
                    exit[*node] = clock;
                    clock += 1;
                    stack.pop();
                }
            }
        }
        let merges = parents.iter().any(|p| p.len() > 1);
        Order {
            parents,
            depth,
            enter,
            exit,
            merges,
        }
    }

    /// Whether `low` is `high` or a level `high` follows, directly or not.
    pub(super) fn at_or_below(&self, low: usize, high: usize) -> bool {
        if !self.merges {
            return self.enter[low] <= self.enter[high] && self.exit[high] <= self.exit[low];
        }
        self.walk_down(high).any(|l| l == low)
    }

    pub(super) fn step(&self, from: usize, to: usize) -> Step {
        if from == to {
            Step::Same
        } else if self.at_or_below(from, to) {
            Step::Up
        } else if self.at_or_below(to, from) {
            Step::Down
        } else {
            Step::Across
        }
    }

    /// `from` and every level it follows, nearest first along first predecessors (depth
    /// first), each once.
    pub(super) fn walk_down(&self, from: usize) -> impl Iterator<Item = usize> + '_ {
        let mut seen = vec![false; self.parents.len()];
        let mut stack = vec![from];
        std::iter::from_fn(move || {
            while let Some(at) = stack.pop() {
                if std::mem::replace(&mut seen[at], true) {
                    continue;
                }
                stack.extend(self.parents[at].iter().rev());
                return Some(at);
            }
            None
        })
    }

    pub(super) fn merges(&self) -> bool {
        self.merges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fork_has_two_tracks_and_a_merge_joins_them() {
        // 0 → 1 → 2 (ic), 0 → 3 (manager), 4 follows 2 and 3.
        let order = Order::new(vec![vec![], vec![0], vec![1], vec![0]]);
        assert_eq!(order.step(0, 2), Step::Up);
        assert_eq!(order.step(2, 0), Step::Down);
        assert_eq!(order.step(2, 3), Step::Across);
        assert_eq!(order.step(1, 3), Step::Across);
        assert_eq!(order.step(3, 3), Step::Same);
        let merged = Order::new(vec![vec![], vec![0], vec![1], vec![0], vec![2, 3]]);
        assert_eq!(merged.step(3, 4), Step::Up);
        assert_eq!(merged.step(1, 4), Step::Up);
        assert_eq!(merged.step(4, 0), Step::Down);
        assert_eq!(merged.walk_down(4).collect::<Vec<_>>(), [4, 2, 1, 0, 3]);
    }
}

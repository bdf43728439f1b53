//! Near misses: which known name a user probably meant.

/// The candidate closest to `name`, when it is close enough to be a typo (at most three
/// edits, and fewer than the name is long).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(name, c), c))
        // At most three edits, and no more than one in three characters: `nope` is not a
        // misspelt `wire`.
        .filter(|(d, _)| *d <= 3 && *d * 3 <= name.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_short_name_far_from_every_candidate_gets_no_suggestion() {
        assert_eq!(super::closest("nope", ["wire", "orders"]), None);
        assert_eq!(super::closest("ordrs", ["wire", "orders"]), Some("orders"));
        assert_eq!(
            super::closest("task.craeted", ["task.created"]),
            Some("task.created")
        );
    }

    use super::*;

    #[test]
    fn typos_find_their_name_and_strangers_nothing() {
        let keys = [
            "partitions",
            "retention",
            "retention_bytes",
            "cleanup_policy",
        ];
        assert_eq!(closest("retension", keys), Some("retention"));
        assert_eq!(closest("partitons", keys), Some("partitions"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("ab", ["x"]), None);
    }
}

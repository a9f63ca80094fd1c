//! "My reflections": everything written, grouped by round, and two rounds side by side.

use super::answer::Answer;

/// One stored answer with the round and question its id names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub round: u32,
    pub question: String,
    pub answer: Answer,
}

/// One line of the printable copy: what it is decides how it is set (a heading, a list item,
/// a paragraph). Texts are the person's own, or the content's (questions, aims, card topics).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintLine {
    Round(u32),
    NormsHeading,
    Norm(String),
    /// Something written about the norm before it: (what was asked, in words; the answer).
    NormDetail(String, String),
    AimsHeading,
    Aim(String),
    Question(String),
    Text(String),
    NotesHeading,
    Card(String),
}

/// What one round holds for the printable copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintRound {
    pub round: u32,
    pub norms: Vec<PrintNorm>,
    pub aims: Vec<String>,
    /// (question, answer) in the journey's order.
    pub answers: Vec<(String, String)>,
}

/// A named norm for the printable copy, with its details in words ([`super::norms::Norm::details`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintNorm {
    pub text: String,
    pub details: Vec<(String, String)>,
}

/// The printable copy, line by line: rounds newest first, then notes on cards as (topic, note).
/// Blank answers and notes are left out; a round with nothing written is left out.
pub fn print_lines(mut rounds: Vec<PrintRound>, notes: Vec<(String, String)>) -> Vec<PrintLine> {
    rounds.sort_by_key(|r| std::cmp::Reverse(r.round));
    let mut lines = Vec::new();
    for round in rounds {
        let answers: Vec<_> = round
            .answers
            .into_iter()
            .filter(|(_, text)| !super::text::is_blank(text))
            .collect();
        if round.norms.is_empty() && round.aims.is_empty() && answers.is_empty() {
            continue;
        }
        lines.push(PrintLine::Round(round.round));
        if !round.norms.is_empty() {
            lines.push(PrintLine::NormsHeading);
            for norm in round.norms {
                lines.push(PrintLine::Norm(norm.text));
                lines.extend(
                    norm.details
                        .into_iter()
                        .map(|(label, value)| PrintLine::NormDetail(label, value)),
                );
            }
        }
        if !round.aims.is_empty() {
            lines.push(PrintLine::AimsHeading);
            lines.extend(round.aims.into_iter().map(PrintLine::Aim));
        }
        for (question, text) in answers {
            // A question this version does not know has no heading (never an empty one).
            if !question.is_empty() {
                lines.push(PrintLine::Question(question));
            }
            lines.push(PrintLine::Text(text));
        }
    }
    let notes: Vec<_> = notes
        .into_iter()
        .filter(|(_, text)| !super::text::is_blank(text))
        .collect();
    if !notes.is_empty() {
        lines.push(PrintLine::NotesHeading);
        for (topic, text) in notes {
            lines.push(PrintLine::Card(topic));
            lines.push(PrintLine::Text(text));
        }
    }
    lines
}

/// How many rounds My reflections shows at first, and adds with each "Show older rounds".
pub const ROUNDS_PER_PAGE: usize = 10;

/// The rounds on page `page` (0 = the newest), newest first, and how many older rounds come
/// after that page. Thousands of rounds are thousands of fields: they are shown a page at a time.
pub fn rounds_page(newest_first: &[u32], page: usize) -> (&[u32], usize) {
    let start = newest_first.len().min(page.saturating_mul(ROUNDS_PER_PAGE));
    let end = newest_first
        .len()
        .min(start.saturating_add(ROUNDS_PER_PAGE));
    (&newest_first[start..end], newest_first.len() - end)
}

/// Entries grouped by round in one pass, each round's in the order given.
pub fn by_round(entries: Vec<Entry>) -> std::collections::BTreeMap<u32, Vec<Entry>> {
    let mut rounds = std::collections::BTreeMap::<u32, Vec<Entry>>::new();
    for entry in entries {
        rounds.entry(entry.round).or_default().push(entry);
    }
    rounds
}

/// Splits an answer id `<round>.<question>`; ids of another shape give `None`.
pub fn parse_answer_id(id: &str) -> Option<(u32, &str)> {
    let (round, question) = id.split_once('.')?;
    let round: u32 = round.parse().ok().filter(|r| *r > 0)?;
    (!question.is_empty()).then_some((round, question))
}

/// Orders entries for display: newest round first, questions in the order given (unknown
/// questions last, by id).
pub fn sort_entries(entries: &mut [Entry], question_order: &[&str]) {
    let rank = |q: &str| {
        question_order
            .iter()
            .position(|o| *o == q)
            .unwrap_or(usize::MAX)
    };
    entries.sort_by(|a, b| {
        b.round
            .cmp(&a.round)
            .then(rank(&a.question).cmp(&rank(&b.question)))
            .then(a.question.cmp(&b.question))
    });
}

/// One question of a comparison: what was written in each of the two rounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared<'a> {
    pub question: &'a str,
    pub left: Option<&'a Answer>,
    pub right: Option<&'a Answer>,
}

/// The questions answered in round `left` or `right`, in the given order, each with both answers.
pub fn compare<'a>(
    entries: &'a [Entry],
    question_order: &[&'a str],
    left: u32,
    right: u32,
) -> Vec<Compared<'a>> {
    let find = |round: u32, q: &str| {
        entries
            .iter()
            .find(|e| e.round == round && e.question == q)
            .map(|e| &e.answer)
    };
    question_order
        .iter()
        .map(|q| Compared {
            question: q,
            left: find(left, q),
            right: find(right, q),
        })
        .filter(|c| c.left.is_some() || c.right.is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_come_a_page_at_a_time_newest_first() {
        let rounds: Vec<u32> = (1..=25).rev().collect();
        let (first, older) = rounds_page(&rounds, 0);
        assert_eq!(first, (16..=25).rev().collect::<Vec<_>>().as_slice());
        assert_eq!(older, 15);
        let (second, older) = rounds_page(&rounds, 1);
        assert_eq!(second.first(), Some(&15));
        assert_eq!(older, 5);
        assert_eq!(rounds_page(&rounds, 2), (&rounds[20..], 0));
        assert_eq!(
            rounds_page(&rounds, 3),
            (&rounds[25..], 0),
            "past the end: nothing"
        );
        assert_eq!(rounds_page(&rounds, usize::MAX), (&rounds[25..], 0));
        assert_eq!(rounds_page(&[], 0), (&[][..], 0));
    }

    #[test]
    fn entries_are_grouped_by_round_keeping_their_order() {
        let entry = |round: u32, question: &str| Entry {
            round,
            question: question.into(),
            answer: Answer {
                text: question.into(),
                updated_at: 0,
            },
        };
        let grouped = by_round(vec![
            entry(2, "b"),
            entry(1, "a"),
            entry(2, "a"),
            entry(1, "c"),
        ]);
        let questions = |r: u32| {
            grouped[&r]
                .iter()
                .map(|e| e.question.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(grouped.len(), 2);
        assert_eq!(questions(2), ["b", "a"]);
        assert_eq!(questions(1), ["a", "c"]);
    }

    #[test]
    fn the_printable_copy_lists_rounds_newest_first_then_notes_and_skips_blanks() {
        let round = |n: u32, answers: &[(&str, &str)]| PrintRound {
            round: n,
            answers: answers
                .iter()
                .map(|(q, a)| (q.to_string(), a.to_string()))
                .collect(),
            ..PrintRound::default()
        };
        let mut first = round(
            1,
            &[
                ("Q1", "old answer"),
                ("Q2", "  \n"),
                ("", "unknown question"),
            ],
        );
        first.norms = vec![
            PrintNorm {
                text: "Men provide".into(),
                details: vec![("Level".into(), "Community".into())],
            },
            PrintNorm {
                text: "Boys don't cry".into(),
                details: vec![],
            },
        ];
        first.aims = vec!["Aim".into()];
        let empty = round(3, &[("Q1", " ")]);
        let lines = print_lines(
            vec![first, round(2, &[("Q1", "<b>new</b>")]), empty],
            vec![("Card".into(), "note".into()), ("Other".into(), "".into())],
        );
        use PrintLine::*;
        assert_eq!(
            lines,
            vec![
                Round(2),
                Question("Q1".into()),
                Text("<b>new</b>".into()),
                Round(1),
                NormsHeading,
                Norm("Men provide".into()),
                NormDetail("Level".into(), "Community".into()),
                Norm("Boys don't cry".into()),
                AimsHeading,
                Aim("Aim".into()),
                Question("Q1".into()),
                Text("old answer".into()),
                Text("unknown question".into()),
                NotesHeading,
                Card("Card".into()),
                Text("note".into()),
            ]
        );
        assert!(print_lines(vec![], vec![]).is_empty());
    }

    fn entry(round: u32, question: &str, text: &str) -> Entry {
        Entry {
            round,
            question: question.into(),
            answer: Answer {
                text: text.into(),
                updated_at: round as u64,
            },
        }
    }

    #[test]
    fn ids_are_parsed_strictly() {
        assert_eq!(parse_answer_id("1.norms"), Some((1, "norms")));
        assert_eq!(
            parse_answer_id("12.men_and_boys"),
            Some((12, "men_and_boys"))
        );
        assert_eq!(parse_answer_id("0.norms"), None);
        assert_eq!(parse_answer_id("x.norms"), None);
        assert_eq!(parse_answer_id("1."), None);
        assert_eq!(parse_answer_id("norms"), None);
    }

    #[test]
    fn entries_sort_newest_round_first_then_in_question_order() {
        let mut e = vec![
            entry(1, "benefits", "a"),
            entry(2, "zzz_unknown", "b"),
            entry(1, "norms", "c"),
            entry(2, "norms", "d"),
        ];
        sort_entries(&mut e, &["norms", "benefits"]);
        let order: Vec<_> = e.iter().map(|e| (e.round, e.question.as_str())).collect();
        assert_eq!(
            order,
            vec![
                (2, "norms"),
                (2, "zzz_unknown"),
                (1, "norms"),
                (1, "benefits")
            ]
        );
    }

    #[test]
    fn comparing_two_rounds_pairs_answers_by_question() {
        let e = vec![
            entry(1, "norms", "old"),
            entry(2, "norms", "new"),
            entry(1, "benefits", "only old"),
            entry(3, "benefits", "other round"),
        ];
        let c = compare(&e, &["norms", "men_and_boys", "benefits"], 1, 2);
        assert_eq!(c.len(), 2, "unanswered questions are left out");
        assert_eq!(c[0].question, "norms");
        assert_eq!(c[0].left.map(|a| a.text.as_str()), Some("old"));
        assert_eq!(c[0].right.map(|a| a.text.as_str()), Some("new"));
        assert_eq!(c[1].question, "benefits");
        assert_eq!(c[1].right, None);
    }
}

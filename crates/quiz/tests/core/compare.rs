//! What changed between two versions (`validate::changes`, `validate::decisions`): the
//! joint walk counts exactly the sets of answers whose tier moved, and nothing else.

use std::collections::HashMap;

use quiz::validate::{
    candidates, changes, decisions, decisions_within, explore, fingerprint, Change, Item, Lands,
    Move,
};
use quiz::{Answer, Answers, Kind, Question, QuestionId, Quiz, Rule, Tier};

use crate::QUIZ;

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// `quiz` with rule `raise` at `tier` and rule `remove` gone.
fn changed(quiz: &Quiz, raise: (&str, Tier), remove: &str) -> Quiz {
    let rules: Vec<Rule> = quiz
        .rules
        .iter()
        .filter(|r| r.id != remove)
        .map(|r| Rule {
            tier: if r.id == raise.0 { raise.1 } else { r.tier },
            ..*r
        })
        .collect();
    assert_eq!(rules.len() + 1, quiz.rules.len(), "{remove} is a rule");
    Quiz {
        rules: leak(rules),
        ..*quiz
    }
}

/// Where `answers` lead in `quiz`, by the app's own flow: a tier, no rule, or an answer
/// the quiz asks for but does not offer (a choice only the other version has).
fn tier(quiz: &Quiz, answers: &Answers) -> Lands {
    let walk = quiz.walk(answers);
    let offered = walk
        .asked
        .iter()
        .all(|q| walk.answers.get(q.id).is_some_and(|a| q.accepts(a)));
    match quiz.outcome(answers) {
        _ if !offered => Lands::NotOffered,
        Ok(o) => Lands::Tier(o.tier),
        Err(_) => Lands::NoRule,
    }
}

#[test]
fn the_same_content_moves_nothing() {
    assert_eq!(changes(&QUIZ, &QUIZ), Vec::new());
    let d = decisions(&QUIZ, &QUIZ).unwrap();
    let paths = explore(&QUIZ, &mut |_, _| {}).paths;
    assert_eq!((d.paths, d.same), (paths, paths));
    assert_eq!(d.moved, Vec::new());
}

#[test]
fn versions_too_far_apart_get_a_message_not_a_full_memory() {
    let new = changed(&QUIZ, ("fever", Tier::Emergency), "acupuncture-helping");
    let e = decisions_within(&QUIZ, &new, 100).unwrap_err();
    assert!(
        e.starts_with("the two versions ask their questions too differently"),
        "{e}"
    );
    assert!(e.contains("over 100 situations"), "{e}");
}

/// A quiz small enough to try every combination of answers: the content's questions
/// with few answers and no show-if outside them, and the rules on those alone.
fn small() -> Quiz {
    let kept = [
        "injury",
        "injury-risks",
        "age",
        "pregnancy",
        "first-time",
        "acupuncture-so-far",
        "how-long",
        "how-bad",
        "daily-life",
        "other-treatments",
    ];
    let within = |c: &quiz::Condition| {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        qs.iter().all(|q| kept.contains(&q.0))
    };
    // "first-time" is asked about the back or neck only: with no places here, its
    // show-if keeps the part on ages. The pain's questions, asked unless chest, belly or
    // somewhere else is the only place, lose theirs: here they are always asked.
    let questions = leak(
        QUIZ.questions
            .iter()
            .filter(|q| kept.contains(&q.id.0))
            .map(|q| match q.show_if {
                Some(quiz::Condition::All(parts)) if !within(&quiz::Condition::All(parts)) => {
                    let parts = parts.iter().filter(|p| within(p)).copied().collect();
                    Question {
                        show_if: Some(quiz::Condition::All(leak(parts))),
                        ..*q
                    }
                }
                Some(c) if !within(&c) => Question {
                    show_if: None,
                    ..*q
                },
                _ => *q,
            })
            .collect(),
    );
    assert!(questions
        .iter()
        .all(|q| q.show_if.as_ref().is_none_or(within)));
    let rules = leak(
        QUIZ.rules
            .iter()
            .filter(|r| within(&r.when))
            .copied()
            .collect(),
    );
    Quiz {
        questions,
        rules,
        ..*QUIZ
    }
}

/// Every set of answers, the slow way: every combination of every question's answers,
/// each version walked by the app's own flow (`Quiz::outcome`), and combinations that
/// differ only in questions neither version asks counted once.
fn every_set(old: &Quiz, new: &Quiz) -> HashMap<Move, u128> {
    let mut questions = old.questions.to_vec();
    let added = new
        .questions
        .iter()
        .filter(|q| old.question(q.id).is_none());
    questions.extend(added.copied());
    // Each version's answers to try, and past each one's maximum; a set of choices once.
    let options: Vec<Vec<Answer>> = questions
        .iter()
        .map(|q| {
            let versions: Vec<(&Quiz, &Question)> = [old, new]
                .into_iter()
                .filter_map(|v| v.question(q.id).map(|x| (v, x)))
                .collect();
            let mut all = Vec::new();
            for (v, x) in &versions {
                let mut tried = candidates(v, x);
                if matches!(x.kind, Kind::Scale | Kind::Number) {
                    tried.push(Answer::Number(x.max + 1));
                }
                for mut a in tried {
                    match &mut a {
                        Answer::Choices(c) => c.sort_by_key(|c| c.0),
                        Answer::Number(n) => {
                            if !versions.iter().any(|(_, x)| (x.min..=x.max).contains(n)) {
                                continue;
                            }
                        }
                    }
                    if !all.contains(&a) {
                        all.push(a);
                    }
                }
            }
            all
        })
        .collect();
    let mut seen: HashMap<Vec<(QuestionId, Answer)>, Move> = HashMap::new();
    let mut at = vec![0; questions.len()];
    loop {
        let answers = Answers::from_pairs(
            questions
                .iter()
                .zip(&at)
                .zip(&options)
                .map(|((q, i), o)| (q.id, o[*i].clone()))
                .collect(),
        );
        let (a, b) = (old.walk(&answers), new.walk(&answers));
        let asked: Vec<(QuestionId, Answer)> = answers
            .iter()
            .filter(|(q, _)| a.answers.get(*q).is_some() || b.answers.get(*q).is_some())
            .cloned()
            .collect();
        // A set of answers someone could give: each answer offered by a version that
        // asks its question.
        let possible = asked.iter().all(|(q, answer)| {
            [(old, &a), (new, &b)].iter().any(|(v, walk)| {
                walk.answers.get(*q).is_some() && v.question(*q).is_some_and(|x| x.accepts(answer))
            })
        });
        if possible {
            seen.insert(asked, (tier(old, &answers), tier(new, &answers)));
        }
        // The next combination.
        let mut i = 0;
        loop {
            if i == at.len() {
                let mut tally = HashMap::new();
                for m in seen.into_values() {
                    *tally.entry(m).or_default() += 1;
                }
                return tally;
            }
            at[i] += 1;
            if at[i] < options[i].len() {
                break;
            }
            at[i] = 0;
            i += 1;
        }
    }
}

#[test]
fn the_walk_counts_what_trying_every_answer_counts() {
    let old = small();
    let new = changed(
        &old,
        ("unchecked-injury", Tier::Emergency),
        "acupuncture-helping",
    );
    let slow = every_set(&old, &new);
    let d = decisions(&old, &new).unwrap();
    let mut fast: HashMap<Move, u128> = d.moved.iter().map(|m| ((m.from, m.to), m.paths)).collect();
    let same: u128 = slow
        .iter()
        .filter(|((a, b), _)| a == b)
        .map(|(_, n)| n)
        .sum();
    assert_eq!(d.same, same);
    fast.retain(|_, n| *n > 0);
    let moved: HashMap<Move, u128> = slow.into_iter().filter(|((a, b), _)| a != b).collect();
    assert_eq!(fast, moved);
    assert!(!moved.is_empty());
    assert_eq!(d.paths, d.same + moved.values().sum::<u128>());
}

/// `quiz` without the rules that name any of `choices` of "injury-risks": ticks that
/// no condition names any more.
fn unnamed(quiz: &Quiz, choices: &[&str]) -> Quiz {
    fn names(c: &quiz::Condition, choices: &[&str]) -> bool {
        match c {
            quiz::Condition::Chose { question, any } => {
                question.0 == "injury-risks" && any.iter().any(|a| choices.contains(&a.0))
            }
            quiz::Condition::Between { .. } => false,
            quiz::Condition::All(parts) | quiz::Condition::Any(parts) => {
                parts.iter().any(|p| names(p, choices))
            }
        }
    }
    let rules: Vec<Rule> = quiz
        .rules
        .iter()
        .filter(|r| !names(&r.when, choices))
        .copied()
        .collect();
    assert!(rules.len() < quiz.rules.len(), "a rule names {choices:?}");
    Quiz {
        rules: leak(rules),
        ..*quiz
    }
}

/// The walk of every path ([`explore`]) tries one set of ticks for all the sets that no
/// condition tells apart, and counts each set: its count is the joint walk's, which
/// tries every set. Checked on ticks named by the same rule, on two ticks no condition
/// names beside one a rule does, and on a checklist no condition reads.
#[test]
fn the_walk_counts_every_set_of_ticks_it_tries_once() {
    let small = small();
    for quiz in [
        small,
        unnamed(&small, &["osteoporosis"]),
        unnamed(&small, &["osteoporosis", "no-weight"]),
    ] {
        let joint = decisions(&quiz, &quiz).unwrap();
        assert_eq!(explore(&quiz, &mut |_, _| {}).paths, joint.paths);
        assert_eq!(joint.same, joint.paths);
    }
}

/// `quiz` with its questions reshaped: "first-time" gone, "how-bad" asked first,
/// "acupuncture-so-far" without its last choice, "injury-risks" with its choices in
/// the other order, and ages only up to 90.
fn reshaped(quiz: &Quiz) -> Quiz {
    let mut questions: Vec<Question> = quiz
        .questions
        .iter()
        .filter(|q| q.id.0 != "first-time")
        .map(|q| match q.id.0 {
            "acupuncture-so-far" => Question {
                choices: &q.choices[..q.choices.len() - 1],
                ..*q
            },
            "injury-risks" => Question {
                choices: leak(q.choices.iter().rev().copied().collect()),
                ..*q
            },
            "age" => Question { max: 90, ..*q },
            _ => *q,
        })
        .collect();
    let bad = questions.iter().position(|q| q.id.0 == "how-bad").unwrap();
    let moved = questions.remove(bad);
    questions.insert(0, moved);
    Quiz {
        questions: leak(questions),
        ..*quiz
    }
}

#[test]
fn the_walk_counts_right_when_questions_change() {
    let old = small();
    let new = reshaped(&changed(
        &old,
        ("pregnancy", Tier::Urgent),
        "acupuncture-early-days",
    ));
    let what = changes(&old, &new);
    for expected in [
        (Item::Question(QuestionId("first-time")), Change::Removed),
        (
            Item::Question(QuestionId("how-bad")),
            Change::Changed(vec!["its place in the order".into()]),
        ),
        (
            Item::Question(QuestionId("injury-risks")),
            Change::Changed(vec!["the order of its choices".into()]),
        ),
        (
            Item::Question(QuestionId("age")),
            Change::Changed(vec!["its kind or range".into()]),
        ),
    ] {
        assert!(what.contains(&expected), "{what:?}");
    }
    let slow = every_set(&old, &new);
    let d = decisions(&old, &new).unwrap();
    let same: u128 = slow
        .iter()
        .filter(|((a, b), _)| a == b)
        .map(|(_, n)| n)
        .sum();
    let moved: HashMap<Move, u128> = slow.into_iter().filter(|((a, b), _)| a != b).collect();
    let fast: HashMap<Move, u128> = d.moved.iter().map(|m| ((m.from, m.to), m.paths)).collect();
    assert_eq!((d.same, fast), (same, moved));
}

#[test]
fn a_raised_rule_and_a_removed_one_move_only_their_paths() {
    // Fever raised from urgent to emergency; "acupuncture-helping" (call the clinic)
    // removed.
    let new = changed(&QUIZ, ("fever", Tier::Emergency), "acupuncture-helping");
    let fever = QUIZ.rules.iter().find(|r| r.id == "fever").unwrap();
    // (Urgent in the content; the staff-edit test's lowered copy has it lower.)
    let raised = format!("tier {} → emergency", fever.tier.slug());
    assert_eq!(
        changes(&QUIZ, &new),
        vec![
            (Item::Rule("fever"), Change::Changed(vec![raised])),
            (Item::Rule("acupuncture-helping"), Change::Removed),
        ]
    );
    let d = decisions(&QUIZ, &new).unwrap();
    assert!(
        d.moved.iter().any(|m| m.to == Lands::Tier(Tier::Emergency)),
        "{d:?}"
    );
    let helping = QUIZ
        .rules
        .iter()
        .find(|r| r.id == "acupuncture-helping")
        .unwrap();
    assert!(
        d.moved.iter().any(|m| m.from == Lands::Tier(helping.tier)),
        "{d:?}"
    );
    for m in &d.moved {
        assert!(m.paths > 0 && !m.examples.is_empty(), "{m:?}");
        for example in &m.examples {
            // Each example moves as claimed, by the app's own flow…
            assert_eq!((tier(&QUIZ, example), tier(&new, example)), (m.from, m.to));
            // …and because of one of the two changes: fever fired, or the removed rule
            // had.
            let fired = |quiz: &Quiz, rule: &Rule| rule.when.holds(&quiz.walk(example).answers);
            if m.to == Lands::Tier(Tier::Emergency) {
                assert!(fired(&new, fever), "{example:?}");
            } else {
                assert_eq!(m.from, Lands::Tier(helping.tier), "{m:?}");
                assert!(fired(&QUIZ, helping), "{example:?}");
            }
        }
    }
}

/// Any change to any rule (its tier, its condition, its reason, whether results show
/// session details) is other content: the fingerprint a review signed no longer holds,
/// and the list of changes names the rule.
#[test]
fn any_change_to_any_rule_changes_the_fingerprint_and_is_named() {
    let clinic = quiz::source::load_clinic(quiz::source::File {
        name: "clinic.toml",
        text: crate::CLINIC_TOML,
    })
    .unwrap();
    let print = fingerprint(&QUIZ, crate::ARTICLE, &clinic);
    let rules = QUIZ.rules;
    for (i, rule) in rules.iter().enumerate() {
        let other = &rules[(i + 1) % rules.len()];
        let tier = if rule.tier == Tier::Emergency {
            Tier::Urgent
        } else {
            Tier::Emergency
        };
        for changed in [
            Rule { tier, ..*rule },
            Rule {
                when: other.when,
                ..*rule
            },
            Rule {
                reason: other.reason,
                ..*rule
            },
            Rule {
                details: !rule.details,
                ..*rule
            },
        ] {
            let mut list = rules.to_vec();
            list[i] = changed;
            let new = Quiz {
                rules: leak(list),
                ..*QUIZ
            };
            assert_ne!(
                fingerprint(&new, crate::ARTICLE, &clinic),
                print,
                "{}",
                rule.id
            );
            let named = changes(&QUIZ, &new);
            assert!(
                matches!(named.as_slice(), [(Item::Rule(id), Change::Changed(_))] if *id == rule.id),
                "{}: {named:?}",
                rule.id
            );
        }
    }
}

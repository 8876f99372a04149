//! What changed between two versions of the content, for the clinician who reviews the
//! new one: the items added, removed or changed ([`changes`]), and the advice people
//! get ([`decisions`]): every set of answers whose tier moved, counted per move, with
//! the shortest examples.
//!
//! [`decisions`] walks both versions at once, the way [`super::explore`] walks one: each
//! version follows its own questions in its own order, a question is asked once when
//! either version reaches it, and the other version takes the answer when (and only if)
//! it shows that question itself. A set of answers is a path of this joint walk: an
//! answer to every question either version asks, each number counted once per range
//! that some condition of either version tells apart. States that cannot lead anywhere
//! different are merged, so the walk stays exact and small.

use std::collections::{BTreeMap, HashMap};

use super::walk::{candidates, Partial};
use super::Item;
use crate::flow::{Answer, Answers};
use crate::model::{Question, QuestionId, Quiz, Tier};

/// How an item differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    /// What differs, in words ("tier urgent → emergency", "its condition").
    Changed(Vec<String>),
}

/// Every item added, removed or changed from `old` to `new`, in `new`'s order (removed
/// items after).
pub fn changes(old: &Quiz, new: &Quiz) -> Vec<(Item, Change)> {
    let mut out = Vec::new();
    let differ =
        |a: &dyn std::fmt::Debug, b: &dyn std::fmt::Debug| format!("{a:?}") != format!("{b:?}");
    // Each list of items, matched by id.
    fn by_id<T: Copy, K: PartialEq + Copy>(
        out: &mut Vec<(Item, Change)>,
        old: &[T],
        new: &[T],
        key: impl Fn(&T) -> K,
        item: impl Fn(K) -> Item,
        aspects: impl Fn(&T, &T) -> Vec<String>,
    ) {
        for n in new {
            match old.iter().find(|o| key(o) == key(n)) {
                None => out.push((item(key(n)), Change::Added)),
                Some(o) => {
                    let what = aspects(o, n);
                    if !what.is_empty() {
                        out.push((item(key(n)), Change::Changed(what)));
                    }
                }
            }
        }
        for o in old {
            if !new.iter().any(|n| key(n) == key(o)) {
                out.push((item(key(o)), Change::Removed));
            }
        }
    }
    by_id(
        &mut out,
        old.sections,
        new.sections,
        |s| s.id,
        Item::Section,
        |o, n| {
            let mut what = Vec::new();
            aspect(&mut what, differ(&o.title, &n.title), "its title");
            what
        },
    );
    let order = |quiz: &Quiz, id: QuestionId| {
        // The question's place among the questions both versions have.
        let both = |q: &&Question| old.question(q.id).is_some() && new.question(q.id).is_some();
        quiz.questions.iter().filter(both).position(|q| q.id == id)
    };
    by_id(
        &mut out,
        old.questions,
        new.questions,
        |q| q.id,
        Item::Question,
        |o, n| {
            let mut what = Vec::new();
            aspect(
                &mut what,
                order(old, o.id) != order(new, n.id),
                "its place in the order",
            );
            aspect(&mut what, o.section != n.section, "its section");
            aspect(
                &mut what,
                differ(&o.show_if, &n.show_if),
                "when it is asked",
            );
            aspect(
                &mut what,
                (o.kind, o.min, o.max) != (n.kind, n.min, n.max),
                "its kind or range",
            );
            for c in n.choices {
                match o.choice(c.id) {
                    None => what.push(format!("choice \"{}\" added", c.id.0)),
                    Some(before) if differ(before, c) => {
                        what.push(format!("choice \"{}\" changed", c.id.0))
                    }
                    Some(_) => {}
                }
            }
            for c in o.choices.iter().filter(|c| n.choice(c.id).is_none()) {
                what.push(format!("choice \"{}\" removed", c.id.0));
            }
            aspect(
                &mut what,
                differ(&(o.prompt, o.why, o.hint), &(n.prompt, n.why, n.hint)),
                "its wording",
            );
            aspect(&mut what, differ(&o.source, &n.source), "its source");
            what
        },
    );
    by_id(
        &mut out,
        old.rules,
        new.rules,
        |r| r.id,
        Item::Rule,
        |o, n| {
            let mut what = Vec::new();
            if o.tier != n.tier {
                what.push(format!("tier {} → {}", o.tier.slug(), n.tier.slug()));
            }
            aspect(&mut what, differ(&o.when, &n.when), "its condition");
            aspect(&mut what, differ(&o.reason, &n.reason), "its reason");
            aspect(&mut what, differ(&o.source, &n.source), "its source");
            aspect(&mut what, differ(&o.call, &n.call), "the lines it calls");
            aspect(&mut what, differ(&o.action, &n.action), "its action");
            aspect(
                &mut what,
                differ(&o.worse, &n.worse),
                "its \"if it gets worse\" line",
            );
            aspect(
                &mut what,
                o.details != n.details,
                "whether results show session details",
            );
            what
        },
    );
    for (list_old, list_new, item) in [
        (
            old.patterns,
            new.patterns,
            Item::Pattern as fn(&'static str) -> Item,
        ),
        (old.tell, new.tell, Item::Tell),
    ] {
        by_id(
            &mut out,
            list_old,
            list_new,
            |r| r.id,
            item,
            |o, n| {
                let mut what = Vec::new();
                aspect(&mut what, differ(&o.when, &n.when), "its condition");
                aspect(&mut what, differ(&o.text, &n.text), "its text");
                aspect(&mut what, differ(&o.source, &n.source), "its source");
                what
            },
        );
    }
    by_id(
        &mut out,
        old.results,
        new.results,
        |r| r.tier,
        Item::Result,
        |o, n| {
            let mut what = Vec::new();
            aspect(
                &mut what,
                differ(
                    &(o.headline, o.action, o.worse),
                    &(n.headline, n.action, n.worse),
                ),
                "its texts",
            );
            aspect(&mut what, differ(&o.source, &n.source), "its source");
            what
        },
    );
    let expectations = |q: &Quiz| (0..q.expectations.len()).collect::<Vec<usize>>();
    by_id(
        &mut out,
        &expectations(old),
        &expectations(new),
        |i| *i,
        Item::Expectation,
        |o, n| {
            let mut what = Vec::new();
            aspect(
                &mut what,
                differ(&old.expectations[*o], &new.expectations[*n]),
                "its text or source",
            );
            what
        },
    );
    if differ(&old.words, &new.words) {
        out.push((
            Item::Words,
            Change::Changed(vec!["the words yes and no".into()]),
        ));
    }
    out
}

/// Adds `name` to what differs, if it does.
fn aspect(what: &mut Vec<String>, differs: bool, name: &str) {
    if differs {
        what.push(name.to_string());
    }
}

/// Where one set of answers leads in each version: a tier, or `None` where that
/// version has no result (a broken version, or an answer only the other one offers).
pub type Move = (Option<Tier>, Option<Tier>);

/// How the advice differs between two versions, from the joint walk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Sets of answers in all (of the questions either version asks).
    pub paths: u128,
    /// Those that lead to the same tier in both versions (or to none in both).
    pub same: u128,
    /// Each move of tier (old, new), highest new tier first: how many sets of answers
    /// make it, and up to [`EXAMPLES`] of the plainest (the fewest answers other than a
    /// question's plainest, then the fewest questions).
    pub moved: Vec<Moved>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub from: Option<Tier>,
    pub to: Option<Tier>,
    pub paths: u128,
    pub examples: Vec<Answers>,
}

/// The most examples kept for each move.
pub const EXAMPLES: usize = 3;

/// Walks both versions over every set of answers and counts where the tier moved.
pub fn decisions(old: &Quiz, new: &Quiz) -> Decisions {
    let quizzes = [old, new];
    let start = Joint {
        sides: quizzes.map(Side::start),
        pending: [Vec::new(), Vec::new()],
    };
    let mut walker = Joint2 {
        quizzes,
        seen: HashMap::new(),
    };
    let tally = walker.walk(start);
    let mut out = Decisions::default();
    for ((from, to), t) in tally.0 {
        out.paths += t.paths;
        if from == to {
            out.same += t.paths;
        } else {
            out.moved.push(Moved {
                from,
                to,
                paths: t.paths,
                examples: t.examples.into_iter().map(Answers::from_pairs).collect(),
            });
        }
    }
    // Highest new tier first, then highest old tier.
    out.moved.sort_by_key(|m| std::cmp::Reverse((m.to, m.from)));
    out
}

/// One version's place in the joint walk.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Side {
    /// The next of its questions to show or skip.
    next: usize,
    shows: Vec<Partial>,
    /// Rules not yet fired; a rule that fires raises `tier` and becomes `False`.
    rules: Vec<Partial>,
    tier: Option<Tier>,
    /// Finished, by its last question or an emergency.
    done: bool,
    /// It was given an answer it does not offer (a choice the other version added).
    invalid: bool,
}

impl Side {
    fn start(quiz: &Quiz) -> Side {
        Side {
            next: 0,
            shows: quiz
                .questions
                .iter()
                .map(|q| q.show_if.as_ref().map_or(Partial::True, Partial::new))
                .collect(),
            rules: quiz.rules.iter().map(|r| Partial::new(&r.when)).collect(),
            tier: None,
            done: false,
            invalid: false,
        }
    }

    /// Takes the answer (`None`: not asked) to its next question.
    fn take(&mut self, quiz: &Quiz, answer: Option<&Answer>) {
        let question = &quiz.questions[self.next];
        self.next += 1;
        if let Some(a) = answer {
            if !question.accepts(a) {
                (self.invalid, self.done, self.tier) = (true, true, None);
                return;
            }
        }
        let id = question.id;
        self.shows
            .iter_mut()
            .for_each(|p| *p = p.settle(id, answer));
        for (rule, p) in quiz.rules.iter().zip(&mut self.rules) {
            *p = p.settle(id, answer);
            if *p == Partial::True {
                self.tier = self.tier.max(Some(rule.tier));
                *p = Partial::False;
            }
        }
        if self.tier == Some(Tier::Emergency) || self.next == quiz.questions.len() {
            self.done = true;
        }
    }

    /// Skips the questions it does not show and takes the answers already given; stops
    /// at a question it shows that has no answer yet (returned), or when done.
    fn advance(
        &mut self,
        quiz: &Quiz,
        pending: &mut Vec<(QuestionId, Answer)>,
    ) -> Option<QuestionId> {
        while !self.done {
            if self.next == quiz.questions.len() {
                self.done = true;
                break;
            }
            let id = quiz.questions[self.next].id;
            let given = pending
                .iter()
                .position(|(q, _)| *q == id)
                .map(|i| pending.remove(i));
            // Its show-if names only earlier questions, all taken or skipped by now.
            if self.shows[self.next] != Partial::True {
                self.take(quiz, None);
            } else if let Some((_, answer)) = given {
                self.take(quiz, Some(&answer));
            } else {
                return Some(id);
            }
        }
        None
    }

    /// Whether this version may still show `question` (it has not passed it).
    fn ahead(&self, quiz: &Quiz, question: QuestionId) -> bool {
        !self.done && quiz.questions[self.next..].iter().any(|q| q.id == question)
    }
}

/// A point of the joint walk: both versions, and the answers each has yet to reach.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Joint {
    sides: [Side; 2],
    pending: [Vec<(QuestionId, Answer)>; 2],
}

#[derive(Clone, Debug, Default)]
struct Tally {
    paths: u128,
    /// The plainest rests of paths from here, plainest first (`Joint2::weight`).
    examples: Vec<Vec<(QuestionId, Answer)>>,
}

#[derive(Clone, Debug, Default)]
struct Tallies(BTreeMap<Move, Tally>);

struct Joint2<'a> {
    quizzes: [&'a Quiz; 2],
    seen: HashMap<Joint, Tallies>,
}

impl Joint2<'_> {
    fn walk(&mut self, mut state: Joint) -> Tallies {
        let [old, new] = self.quizzes;
        let [o, n] = &mut state.sides;
        let [po, pn] = &mut state.pending;
        let waiting = [o.advance(old, po), n.advance(new, pn)];
        if let Some(t) = self.seen.get(&state) {
            return t.clone();
        }
        let tallies = self.expand(&state, waiting);
        self.seen.insert(state, tallies.clone());
        tallies
    }

    fn expand(&mut self, state: &Joint, waiting: [Option<QuestionId>; 2]) -> Tallies {
        // The new version's question first; the old version's own ones after.
        let Some(id) = waiting[1].or(waiting[0]) else {
            let mut leaf = Tallies::default();
            let tier = |s: &Side| s.tier.filter(|_| !s.invalid);
            leaf.0.insert(
                (tier(&state.sides[0]), tier(&state.sides[1])),
                Tally {
                    paths: 1,
                    examples: vec![Vec::new()],
                },
            );
            return leaf;
        };
        let mut answers: Vec<Answer> = Vec::new();
        for quiz in self.quizzes {
            if let Some(q) = quiz.question(id) {
                for a in candidates(quiz, q) {
                    if !answers.contains(&a) {
                        answers.push(a);
                    }
                }
            }
        }
        let mut total = Tallies::default();
        for answer in answers {
            let mut next = state.clone();
            for (i, quiz) in self.quizzes.into_iter().enumerate() {
                if waiting[i] == Some(id) {
                    next.sides[i].take(quiz, Some(&answer));
                } else if next.sides[i].ahead(quiz, id) {
                    let pending = &mut next.pending[i];
                    pending.push((id, answer.clone()));
                    pending.sort_by_key(|(q, _)| q.0);
                }
            }
            for (m, t) in self.walk(next).0 {
                let sum = total.0.entry(m).or_default();
                sum.paths += t.paths;
                for rest in t.examples {
                    let mut example = vec![(id, answer.clone())];
                    example.extend(rest);
                    sum.examples.push(example);
                }
                sum.examples.sort_by_key(|e| self.weight(e));
                sum.examples.truncate(EXAMPLES);
            }
        }
        total
    }

    /// How far an example is from the plainest: fewer answers other than a question's
    /// plainest (`Question::plain_answer`: "none of these", "no"), then fewer questions.
    fn weight(&self, example: &[(QuestionId, Answer)]) -> (usize, usize) {
        let unusual = example
            .iter()
            .filter(|(id, answer)| {
                let q = self.quizzes.iter().find_map(|quiz| quiz.question(*id));
                q.is_none_or(|q| q.plain_answer() != *answer)
            })
            .count();
        (unusual, example.len())
    }
}

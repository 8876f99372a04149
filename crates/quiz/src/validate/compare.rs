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
use std::rc::Rc;

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

/// Where one set of answers leads in one version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lands {
    /// The version does not offer one of the answers (a choice only the other has).
    NotOffered,
    /// No rule fires: a broken version (the build refuses it).
    NoRule,
    Tier(Tier),
}

impl Lands {
    /// As the packet and the terminal say it.
    pub fn words(self) -> &'static str {
        match self {
            Lands::NotOffered => "an answer it does not offer",
            Lands::NoRule => "no result (no rule fires)",
            Lands::Tier(t) => t.slug(),
        }
    }
}

/// Where one set of answers leads in each version: (old, new).
pub type Move = (Lands, Lands);

/// How the advice differs between two versions, from the joint walk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Sets of answers in all (of the questions either version asks).
    pub paths: u128,
    /// Those that lead to the same tier in both versions (or to none in both).
    pub same: u128,
    /// Each move of tier (old, new), highest new tier first: how many sets of answers
    /// make it, and up to [`EXAMPLES`] of the plainest (the fewest choices other than a
    /// question's plainest, then numbers nearest the middle, then the fewest questions).
    pub moved: Vec<Moved>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub from: Lands,
    pub to: Lands,
    pub paths: u128,
    pub examples: Vec<Answers>,
}

/// The most examples kept for each move.
pub const EXAMPLES: usize = 3;

/// Walks both versions over every set of answers and counts where the tier moved; an
/// error when the versions are too far apart to walk together.
pub fn decisions(old: &Quiz, new: &Quiz) -> Result<Decisions, String> {
    decisions_within(old, new, MAX_STATES)
}

/// [`decisions`], keeping at most `max_states` (the tests show the limit's message).
pub fn decisions_within(old: &Quiz, new: &Quiz, max_states: usize) -> Result<Decisions, String> {
    let quizzes = [old, new];
    let start = Joint {
        sides: quizzes.map(Side::start),
        pending: [Vec::new(), Vec::new()],
    };
    let mut walker = Joint2 {
        quizzes,
        seen: HashMap::new(),
        max_states,
        too_big: false,
    };
    let tally = walker.walk(start);
    if walker.too_big {
        return Err(format!(
            "the two versions ask their questions too differently to walk every set of \
             answers of both together (over {max_states} situations); compare with a later \
             version"
        ));
    }
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
                examples: t.examples.iter().map(|(_, e)| answers(e)).collect(),
            });
        }
    }
    // Highest new tier first, then highest old tier.
    out.moved.sort_by_key(|m| std::cmp::Reverse((m.to, m.from)));
    Ok(out)
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
        let (shows, rules) = Partial::unanswered(quiz);
        Side {
            next: 0,
            shows,
            rules,
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

/// An example's rest from some point of the walk: shared between the states that reach
/// it, so that keeping a few examples per state costs a few pointers.
#[derive(Debug)]
enum Rest {
    End,
    Then(QuestionId, Answer, Rc<Rest>),
}

/// How far an example is from the plainest, compared in this order: choices other than a
/// question's plainest (`Question::plain_answer`: "none of these", "no"), how far its
/// numbers are from the middle of their range (an adult's age, a middling score), and
/// how many questions it answers.
type Weight = (usize, u32, usize);

#[derive(Clone, Debug, Default)]
struct Tally {
    paths: u128,
    /// The plainest rests of paths from here, plainest first.
    examples: Vec<(Weight, Rc<Rest>)>,
}

#[derive(Clone, Debug, Default)]
struct Tallies(BTreeMap<Move, Tally>);

/// The most states the joint walk keeps (one walk of today's content keeps about 7,000;
/// versions far apart keep more): beyond, it stops with a message instead of filling
/// the memory.
const MAX_STATES: usize = 2_000_000;

struct Joint2<'a> {
    quizzes: [&'a Quiz; 2],
    seen: HashMap<Joint, Tallies>,
    max_states: usize,
    too_big: bool,
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
        if self.seen.len() >= self.max_states {
            self.too_big = true;
            return Tallies::default();
        }
        let tallies = self.expand(&state, waiting);
        self.seen.insert(state, tallies.clone());
        tallies
    }

    /// The question to ask next: one that the other version will not ask later, so that
    /// no answer waits (versions that ask questions in other orders would otherwise
    /// carry many waiting answers, each a state of its own); else the new version's.
    fn next_question(&self, state: &Joint, waiting: [Option<QuestionId>; 2]) -> Option<QuestionId> {
        let alone = |i: usize| {
            let id = waiting[i]?;
            let other = 1 - i;
            let waits =
                waiting[other] != Some(id) && state.sides[other].ahead(self.quizzes[other], id);
            (!waits).then_some(id)
        };
        alone(1).or_else(|| alone(0)).or(waiting[1]).or(waiting[0])
    }

    fn expand(&mut self, state: &Joint, waiting: [Option<QuestionId>; 2]) -> Tallies {
        let Some(id) = self.next_question(state, waiting) else {
            let mut leaf = Tallies::default();
            let tier = |s: &Side| match (s.invalid, s.tier) {
                (true, _) => Lands::NotOffered,
                (false, None) => Lands::NoRule,
                (false, Some(t)) => Lands::Tier(t),
            };
            leaf.0.insert(
                (tier(&state.sides[0]), tier(&state.sides[1])),
                Tally {
                    paths: 1,
                    examples: vec![((0, 0, 0), Rc::new(Rest::End))],
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
        let plain = self
            .quizzes
            .iter()
            .find_map(|quiz| quiz.question(id))
            .map(Question::plain_answer);
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
            let (unusual, distance) = match (&answer, &plain) {
                (Answer::Number(n), Some(Answer::Number(middle))) => {
                    (0, u32::from(n.abs_diff(*middle)))
                }
                (a, plain) if plain.as_ref() != Some(a) => (1, 0),
                _ => (0, 0),
            };
            for (m, t) in self.walk(next).0 {
                let sum = total.0.entry(m).or_default();
                sum.paths += t.paths;
                for ((u, d, n), rest) in t.examples {
                    let weight = (u + unusual, d + distance, n + 1);
                    let example = Rc::new(Rest::Then(id, answer.clone(), rest));
                    sum.examples.push((weight, example));
                }
                sum.examples.sort_by_key(|(weight, _)| *weight);
                sum.examples.truncate(EXAMPLES);
            }
        }
        total
    }
}

/// An example as answers, in the order asked.
fn answers(mut rest: &Rest) -> Answers {
    let mut pairs = Vec::new();
    while let Rest::Then(id, answer, next) = rest {
        pairs.push((*id, answer.clone()));
        rest = next;
    }
    Answers::from_pairs(pairs)
}

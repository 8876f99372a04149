//! What changed between two versions of the content, for the clinician who reviews the
//! new one: the items added, removed or changed ([`changes`]), and the advice people
//! get ([`decisions`]): every set of answers whose tier moved, counted per move, with
//! the shortest examples.
//!
//! [`decisions`] walks both versions at once, the way [`super::explore`] walks one: each
//! version follows its own questions in its own order (the app's own step of the path,
//! `Quiz::step`, over conditions partly evaluated), a question is asked once when
//! either version reaches it, and the other version takes the answer when (and only if)
//! it shows that question itself. A set of answers is a path of this joint walk: an
//! answer to every question either version asks, each number counted once per range
//! that some condition of either version tells apart. States that cannot lead anywhere
//! different are merged, so the walk stays exact and small.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::walk::{candidates, Partial, Seen};
use super::Item;
use crate::flow::{Answer, Answers, Follow, Step};
use crate::model::{ChoiceId, Kind, Question, QuestionId, Quiz, Tier};

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
    let moved = moved_questions(old, new);
    by_id(
        &mut out,
        old.questions,
        new.questions,
        |q| q.id,
        Item::Question,
        |o, n| {
            let mut what = Vec::new();
            aspect(&mut what, moved.contains(&n.id), "its place in the order");
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
            let common = |q: &Question, other: &Question| -> Vec<ChoiceId> {
                let both = q.choices.iter().filter(|c| other.choice(c.id).is_some());
                both.map(|c| c.id).collect()
            };
            aspect(
                &mut what,
                common(o, n) != common(n, o),
                "the order of its choices",
            );
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
            aspect(&mut what, differ(&o.headline, &n.headline), "its headline");
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

/// The questions asked at another point: the fewest whose moves explain the new order
/// of the questions both versions have (those outside a longest run kept in order).
fn moved_questions(old: &Quiz, new: &Quiz) -> Vec<QuestionId> {
    let both: Vec<(QuestionId, usize)> = new
        .questions
        .iter()
        .filter_map(|q| Some((q.id, old.index_of(q.id)?)))
        .collect();
    // kept[i]: the longest run in order ending at i, and the one before it in that run.
    let mut kept: Vec<(usize, Option<usize>)> = Vec::with_capacity(both.len());
    for i in 0..both.len() {
        let before = (0..i)
            .filter(|&j| both[j].1 < both[i].1)
            .max_by_key(|&j| kept[j].0);
        kept.push((before.map_or(1, |j| kept[j].0 + 1), before));
    }
    let mut in_order = vec![false; both.len()];
    let mut at = (0..both.len()).max_by_key(|&i| kept[i].0);
    while let Some(i) = at {
        in_order[i] = true;
        at = kept[i].1;
    }
    both.iter()
        .zip(in_order)
        .filter(|(_, kept)| !kept)
        .map(|((id, _), _)| *id)
        .collect()
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
        seen: Seen::default(),
        naming: quizzes.map(Naming::of),
        tried: Seen::default(),
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

    /// Follows its path ([`Quiz::follow`]): skips the questions it does not show and
    /// takes the answers already given; stops at a question it shows that has no answer
    /// yet (`Ok`), or when done (`Ok(None)`). `Err`: the answers cannot be given at all,
    /// because an answer only this version offers (the other took it and refused it)
    /// goes to a question this version does not ask.
    fn advance(
        &mut self,
        quiz: &Quiz,
        naming: &Naming,
        pending: &mut Vec<Waiting>,
    ) -> Result<Option<QuestionId>, ()> {
        if !self.done {
            let from = self.next;
            let mut path = Following {
                quiz,
                naming,
                side: self,
                pending,
                unaskable: false,
            };
            let (at, stop) = quiz.follow(from, &mut path);
            if path.unaskable {
                return Err(());
            }
            if stop == Step::Asks {
                return Ok(Some(quiz.questions[at].id));
            }
            self.done = true;
        }
        // Done: what still waits is never taken.
        if pending.iter().any(|w| w.refused) {
            return Err(());
        }
        pending.clear();
        Ok(None)
    }

    /// Whether this version may still show `question` (it has not passed it).
    fn ahead(&self, quiz: &Quiz, question: QuestionId) -> bool {
        !self.done && quiz.questions[self.next..].iter().any(|q| q.id == question)
    }
}

/// For each question of a version, its show-ifs and rules that name it: the only ones
/// an answer to it settles.
struct Naming {
    shows: Vec<Vec<usize>>,
    rules: Vec<Vec<usize>>,
}

impl Naming {
    fn of(quiz: &Quiz) -> Naming {
        let (shows, rules) = Partial::unanswered(quiz);
        let naming = |conditions: &[Partial]| -> Vec<Vec<usize>> {
            let each = quiz.questions.iter();
            each.map(|q| Partial::naming(conditions, q.id)).collect()
        };
        Naming {
            shows: naming(&shows),
            rules: naming(&rules),
        }
    }
}

/// A point of the joint walk: both versions, and the answers each has yet to reach.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Joint {
    sides: [Side; 2],
    pending: [Vec<Waiting>; 2],
}

/// An answer given while the other version was waiting on the question, kept for this
/// one until it reaches the question.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Waiting {
    question: QuestionId,
    answer: Answer,
    /// The other version does not offer it: only this one could have been asked it.
    refused: bool,
}

/// One version's side as the one step of the path ([`Quiz::step`]) follows it: the
/// answers come from those waiting for it.
struct Following<'a> {
    quiz: &'a Quiz,
    naming: &'a Naming,
    side: &'a mut Side,
    pending: &'a mut Vec<Waiting>,
    /// An answer only this version offers waited for a question it does not show.
    unaskable: bool,
}

impl Following<'_> {
    /// The answer waiting for `question`, taken out of the waiting ones.
    fn waiting(&mut self, question: QuestionId) -> Option<Waiting> {
        let at = self.pending.iter().position(|w| w.question == question)?;
        Some(self.pending.remove(at))
    }
}

impl Follow for Following<'_> {
    /// A show-if still waiting on a question names a later one (the validator refuses
    /// it): not shown, as in the app, where a condition on a question not yet answered
    /// does not hold.
    fn shown(&self, at: usize, _: &'static Question) -> bool {
        self.side.shows[at] == Partial::True
    }

    fn given(&mut self, question: &'static Question) -> Option<Answer> {
        self.waiting(question.id).map(|w| w.answer)
    }

    fn pass(&mut self, at: usize, question: &'static Question, answer: Option<Answer>) {
        if answer.is_none() && self.waiting(question.id).is_some_and(|w| w.refused) {
            self.unaskable = true;
        }
        let side = &mut *self.side;
        side.next = at + 1;
        if let Some(a) = &answer {
            if !question.accepts(a) {
                (side.invalid, side.done, side.tier) = (true, true, None);
                return;
            }
        }
        let id = question.id;
        for &i in &self.naming.shows[at] {
            side.shows[i] = side.shows[i].settle(id, answer.as_ref());
        }
        // Whether a question behind was shown makes no difference any more: forgotten,
        // so that paths that differ only in it merge.
        side.shows[at] = Partial::False;
        for &i in &self.naming.rules[at] {
            let p = side.rules[i].settle(id, answer.as_ref());
            side.rules[i] = if p == Partial::True {
                side.tier = side.tier.max(Some(self.quiz.rules[i].tier));
                Partial::False
            } else {
                p
            };
        }
    }

    /// An emergency, or an answer this version does not offer: it goes no further.
    fn ends(&self) -> bool {
        self.side.invalid || self.side.tier == Some(Tier::Emergency)
    }
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
    seen: Seen<Joint, Tallies>,
    naming: [Naming; 2],
    /// The answers tried at a question by the versions that take it ([`Joint2::answers`]).
    tried: Seen<(QuestionId, Vec<usize>), Rc<Vec<Answer>>>,
    max_states: usize,
    too_big: bool,
}

impl Joint2<'_> {
    fn walk(&mut self, mut state: Joint) -> Tallies {
        let [old, new] = self.quizzes;
        let [o, n] = &mut state.sides;
        let [po, pn] = &mut state.pending;
        let [no, nn] = &self.naming;
        let (Ok(a), Ok(b)) = (o.advance(old, no, po), n.advance(new, nn, pn)) else {
            // Answers nobody could give: no path.
            return Tallies::default();
        };
        let waiting = [a, b];
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
        // The versions that take the answer, now or when they reach the question.
        let takers: Vec<usize> = (0..2)
            .filter(|&i| waiting[i] == Some(id) || state.sides[i].ahead(self.quizzes[i], id))
            .collect();
        let key = (id, takers.clone());
        let answers = match self.tried.get(&key) {
            Some(known) => Rc::clone(known),
            None => {
                let answers = Rc::new(self.answers(id, &takers));
                self.tried.insert(key, Rc::clone(&answers));
                answers
            }
        };
        let plain = self
            .quizzes
            .iter()
            .find_map(|quiz| quiz.question(id))
            .map(Question::plain_answer);
        let mut total = Tallies::default();
        for answer in answers.iter() {
            let mut next = state.clone();
            let now = takers.iter().copied().find(|&i| waiting[i] == Some(id));
            let refused = now.is_some_and(|i| {
                let q = self.quizzes[i].question(id);
                !q.is_some_and(|q| q.accepts(answer))
            });
            // Each version takes it when it reaches the question: the one asking, at once
            // (`walk` follows both versions first).
            for &i in &takers {
                let pending = &mut next.pending[i];
                pending.push(Waiting {
                    question: id,
                    answer: answer.clone(),
                    refused,
                });
                pending.sort_by_key(|w| w.question.0);
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

impl Joint2<'_> {
    /// The answers worth trying for a question: the choices of the versions that take
    /// the answer (`walk::candidates`; a set of choices once, whatever the order); for
    /// numbers, a value per range that a condition of either version tells apart, and
    /// the value past each one's maximum (a range that grew or shrank), within the
    /// ranges of the versions that take it.
    fn answers(&self, id: QuestionId, takers: &[usize]) -> Vec<Answer> {
        let of = |i: usize| self.quizzes[i].question(id).map(|q| (i, q));
        let taking: Vec<(usize, &Question)> = takers.iter().filter_map(|&i| of(i)).collect();
        let all: Vec<(usize, &Question)> = (0..2).filter_map(of).collect();
        let Some((_, first)) = taking.first() else {
            return Vec::new();
        };
        // Choices in the order of the first version's question, others after.
        let place = |c: &ChoiceId| {
            let at = taking
                .iter()
                .find_map(|(_, q)| q.choices.iter().position(|x| x.id == *c));
            (at.unwrap_or(usize::MAX), c.0)
        };
        let in_range = |n: u8| taking.iter().any(|(_, q)| (q.min..=q.max).contains(&n));
        let mut out: Vec<Answer> = Vec::new();
        let numbers = matches!(first.kind, Kind::Scale | Kind::Number);
        for &(i, q) in if numbers { &all } else { &taking } {
            let mut tried = candidates(self.quizzes[i], q);
            if numbers {
                tried.extend(q.max.checked_add(1).map(Answer::Number));
            }
            for mut a in tried {
                match &mut a {
                    Answer::Choices(c) => c.sort_by_key(place),
                    Answer::Number(n) if !in_range(*n) => continue,
                    Answer::Number(_) => {}
                }
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        out
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

"""Follow-up questions read against the earlier turns (qa.reading.followup), one rule per test, on
made-up conversations; the retrieval score is faked so that each test shows what the rule does."""
import pytest

from qa.reading.followup import read_follow_up
from qa.results import Answer


def turn(question: str, short: str | None = None, read_as: str | None = None) -> Answer:
    return Answer(question, "an answer" if short else None, short, short is None, None, read_as=read_as)


def flat(_: str) -> float:
    return 1.0


def test_no_history_or_a_question_that_stands_on_its_own_is_read_as_typed():
    assert read_follow_up("When will it ship?", [], flat) is None
    history = [turn("What is the name of the chip Acme disclosed?", "Falcon")]
    assert read_follow_up("Which foundry makes Initech's chips?", history, flat) is None
    # a pronoun after a name of the question itself points to that name
    assert read_follow_up("Does Initech say when it will ship?", history, flat) is None


def test_a_pronoun_points_to_the_last_answer():
    history = [turn("What is the name of the chip Acme disclosed?", "Falcon")]
    assert read_follow_up("When will it ship?", history, flat) == "When will Falcon ship?"
    assert read_follow_up("and what is its price", history, flat) == "What is Falcon's price?"


def test_he_and_she_point_to_a_person_s_name():
    history = [turn("Which company did Jane Doe work for before Acme?", "Globex")]
    assert read_follow_up("When did he join Acme?", history, flat) == "When did Jane Doe join Acme?"


def test_they_point_to_a_name_not_to_a_description():
    history = [turn("Which process will Acme use for its chips?", "the new 2nm process")]
    assert read_follow_up("When will they start?", history, flat) == "When will Acme start?"


def test_that_before_a_noun_becomes_an_owner_and_never_a_date():
    history = [turn("In which month did Acme announce its funding round?", "May")]
    assert read_follow_up("Who led that round?", history, flat) == "Who led Acme's round?"


def test_what_about_replaces_a_name_of_the_last_question():
    history = [turn("Which foundry makes Acme's chips?", "Samsung")]
    assert read_follow_up("What about Initech?", history, flat) == "Which foundry makes Initech's chips?"
    assert read_follow_up("And Initech?", history, flat) == "Which foundry makes Initech's chips?"


def test_that_before_the_last_word_after_an_auxiliary_is_the_subject_of_a_verb():
    # "When did that change?" was read "When did Samsung's change?".
    history = [turn("Who makes Acme's chips?", "Nexa")]
    assert read_follow_up("When did that change?", history, flat) == "When did Nexa change?"


def test_what_about_an_owned_thing_replaces_the_owned_thing():
    # "What about Meta's order?" after "How much is Samsung's backlog?" asked for Meta's backlog.
    history = [turn("How much is Acme's backlog?", "50 trillion won")]
    assert read_follow_up("What about Initech's order?", history, flat) == "How much is Initech's order?"
    history = [turn("What is Acme's foundry backlog worth?", "50 trillion won")]
    assert read_follow_up("What about Initech's order?", history, flat) == "What is Initech's order worth?"
    # the question's last word is its verb, not part of the thing
    history = [turn("When will Acme's chip launch?", "next year")]
    assert read_follow_up("And Initech's server?", history, flat) == "When will Initech's server launch?"


def test_a_bare_question_phrase_takes_the_rest_of_the_last_question():
    history = [turn("What total capacity is Acme targeting for its data centre?", "5 GW")]
    assert read_follow_up("by when?", history, flat) == "By when is Acme targeting for its data centre?"


@pytest.mark.parametrize("previous, short, phrase, read", [
    # (nineteenth round) the answer takes the place of "who": it was "Why is investigating Nexa?"
    ("Who is investigating Nexa?", "The state attorney general", "why",
     "Why is The state attorney general investigating Nexa?"),
    ("Who is Acme working with?", "Nexa", "since when", "Since when is Acme working with Nexa?"),
    ("Who did Acme choose?", "Nexa", "why", "Why did Acme choose Nexa?"),
    # not before a name ("Nexa Foundry Acme's partner" would read as one name), nor with no answer;
    # a question asking who someone is: the phrase before the last question
    ("Who is Acme's partner for Zeta?", "Nexa Foundry", "since when", "Since when is Acme's partner for Zeta?"),
    ("Who is investigating Nexa?", None, "why", "Why is investigating Nexa?"),
    ("Who is Dana Wu?", "Acme's chief designer", "why", "why (Who is Dana Wu?)"),
])
def test_a_bare_question_phrase_after_who_takes_the_answer_in_its_place(previous, short, phrase, read):
    assert read_follow_up(phrase, [turn(previous, short)], flat) == read


def test_a_bare_question_phrase_goes_before_a_yes_no_question():
    # It was read "With whom (Is Acme making its own chip)", and the next turn "What process Is
    # Acme making its own chip)?" (fifteenth round).
    history = [turn("Is Acme making its own chip?")]
    assert read_follow_up("with whom", history, flat) == "With whom is Acme making its own chip?"
    history.append(turn("with whom", "Nexa", read_as="With whom is Acme making its own chip?"))
    assert read_follow_up("what process", history, flat) == "What process is Acme making its own chip?"


def test_a_fragment_continues_the_last_question():
    history = [turn("How much is Acme's order worth?", "10 trillion won")]
    assert read_follow_up("And in yuan?", history, flat) == "How much is Acme's order worth in yuan?"


@pytest.mark.parametrize("question", ["Is that confirmed?", "who says so?", "Is it true?"])
def test_a_question_about_the_last_answer_asks_the_last_question_again(question):
    history = [turn("How much is Acme's order worth?", "10 trillion won")]
    assert read_follow_up(question, history, flat) == "How much is Acme's order worth?"


def test_a_later_follow_up_builds_on_how_the_last_one_was_read():
    history = [turn("What is the name of the chip Acme disclosed?", "Falcon"),
               turn("When will it ship?", "in May", read_as="When will Falcon ship?")]
    assert read_follow_up("by when exactly?", history, flat) == "By when exactly will Falcon ship?"


def test_the_retrieval_score_chooses_among_readings_only_when_clearly_better():
    history = [turn("Which chip did Acme build with Initech?", "Falcon")]
    # Preference order: the last answer first; another reading wins only by a clear margin.
    close = {"When will Falcon ship?": 0.95, "When will Acme ship?": 1.0}
    assert read_follow_up("When will it ship?", history, lambda r: close.get(r, 0.0)) == "When will Falcon ship?"
    clear = {"When will Falcon ship?": 0.2, "When will Acme ship?": 1.0}
    assert read_follow_up("When will it ship?", history, lambda r: clear.get(r, 0.0)) == "When will Acme ship?"


def test_an_amount_keeps_whose_it_is():
    history = [turn("How much will Acme invest in its new plant?", "US$2 billion")]
    assert read_follow_up("what's that in euros", history, flat) == "What's Acme's US$2 billion in euros?"


def test_after_what_is_x_it_is_x_not_what_the_answer_said_it_is():
    # "who made it" points back with its pronoun: no bare question phrase ("Who made it is Falcon?").
    history = [turn("What is Falcon?", "Intelligence Processor")]
    assert read_follow_up("who made it", history, flat) == "Who made Falcon?"
    # ... two turns on too: not "When will Intelligence Processor ship?"
    history.append(turn("Who made it?", None, read_as="Who made Falcon?"))
    closer = lambda reading: 2.0 if "Intelligence" in reading else 1.0  # noqa: E731 (the corpus says it more often)
    assert read_follow_up("When will it ship?", history, closer) == "When will Falcon ship?"


def test_it_is_never_two_names_the_last_answer_joined():
    # (seventeenth round) "who made it" now answers "OpenAI and Broadcom": "when will it be deployed"
    # is still about Jalapeño, and "they" may be the two
    history = [turn("What is Falcon?", "Intelligence Processor"),
               turn("who made it", "Acme and Initech", read_as="Who made Falcon?")]
    assert read_follow_up("When will it ship?", history, flat) == "When will Falcon ship?"
    assert read_follow_up("Where are they based?", history, flat) == "Where are Acme and Initech based?"


def test_a_fragment_recased_as_a_first_word_continues_the_question_in_small_letters():
    history = [turn("How big is Acme's backlog?", "50 trillion won")]
    assert read_follow_up("In yuan?", history, flat) == "How big is Acme's backlog in yuan?"


def test_a_request_s_first_word_is_no_name():
    history = [turn("Tell me about Falcon", None)]
    assert read_follow_up("who built it", history, flat) == "Who built Falcon?"


def test_how_many_without_a_thing_counts_the_last_question_s_thing():
    # (sixteenth round) "how many will they make" after "who makes zeta now": the thing is Zeta
    history = [turn("Who makes Zeta now?", "Nexa")]
    assert read_follow_up("how many will they make", history, flat) == "How many Zeta will Nexa make?"
    # a count that names its thing keeps it
    assert read_follow_up("how many units will they make", history, flat) == "How many units will Nexa make?"


def test_after_an_amount_it_is_the_thing_whose_amount_was_asked():
    # (eighteenth round) not "Is Acme's 10 trillion more than 10 trillion won?"
    history = [turn("How big is Acme's order?", "10 trillion")]
    assert read_follow_up("is it more than 10 trillion won", history, flat) == "Is Acme's order more than 10 trillion won?"
    # no thing owned in the last question: the amount, with its owner, as before
    history = [turn("How much will Acme invest?", "US$50 billion")]
    assert read_follow_up("is that more than 20 billion", history, flat) == "Is Acme's US$50 billion more than 20 billion?"

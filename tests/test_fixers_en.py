"""English cleaning: each fixer on real fragments of the seed, a negative set, and the whole file."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from conftest import ROOT
from duizhao.clean import clean_chinese, clean_english
from duizhao.fixers_en import (
    EN_FIXERS,
    drop_page_chrome,
    drop_subscription_notes,
    mark_title_heading,
    quote_forwarded_mail,
    restore_paragraph_breaks,
    space_after_comma,
    split_glued_headings,
    split_glued_sentences,
    split_inline_bullets,
    split_long_paragraphs,
    split_off_page_address,
    split_sentences,
    split_spaced_headings,
    split_speaker_turns,
    split_wrapped_words,
)
from duizhao.fixlog import CleaningLog
from duizhao.post_edges import drop_post_footer
from duizhao.ingest import read_lines
from duizhao.model import Line

SEED = ROOT / "translations" / "nathan-lambert-path-into-ai" / "en.txt"


def run(fixer, *texts: str, kind: str = "paragraph"):
    """Run one document fixer over lines that all come from source line 9."""
    log = CleaningLog("en.txt")
    lines = fixer(tuple(Line(9, text, kind) for text in texts), log)
    return [(line.kind, line.text) for line in lines], log


def texts(result) -> list[str]:
    return [text for _, text in result[0]]


def seed_line_9() -> str:
    return SEED.read_text(encoding="utf-8").splitlines()[8]


# --- page chrome ----------------------------------------------------------------------------------

@pytest.mark.parametrize("chrome", [
    "Podcast artwork", "Categorieën:", "Interconnects - Een podcast door Nathan Lambert",
    "Visit the podcast's native language site",
    # the same furniture as other directories and languages print it
    "Episode artwork", "Categories:", "Interconnects - A podcast by Nathan Lambert", "Kategorien",
    # a newsletter page's buttons
    "Share this post", "Subscribe", "Sign in", "Share", "Copy link",
])
def test_page_chrome_lines_are_removed_and_recorded(chrome):
    result = run(drop_page_chrome, chrome, "One of the big upsides for my current writing habit.")
    assert texts(result) == ["One of the big upsides for my current writing habit."]
    assert [(c.action, c.before) for c in result[1].changes] == [("removed", chrome)]


@pytest.mark.parametrize("prose", [
    "The podcast artwork was designed by a friend of mine.",
    "Categories: I never liked sorting my posts into them.",
    "Visit the podcast's site for the full transcript, which I edited myself.",
    "Share this post with a friend who is starting a PhD.", "Subscribe to the idea that papers are not the goal.",
])
def test_prose_mentioning_chrome_words_stays(prose):
    assert texts(run(drop_page_chrome, prose)) == [prose]


def test_a_medium_pages_buttons_and_footer_are_taken_off_and_recorded():
    # A post copied from Medium: Follow, 8 min read, Listen and Share above it; below it the
    # author's card, the platform's other posts with their blurbs, and its own links.
    written = read_lines(ROOT / "tests" / "gold" / "flywheel-thread" / "en.txt")
    text, log = clean_english(written, "en.txt")
    sentences = [s.text for block in text.blocks for s in block.sentences]
    assert sentences[0] == "Momentum Is a Flywheel, Not a Rocket"
    assert sentences[2].startswith("For most of my twenties")
    assert sentences[-1] == "Then do it again."
    removed = {c.before for c in log.changes if c.action == "removed"}
    assert {"Follow", "8 min read", "Listen", "Written by Lena Ashworth", "2.4K Followers",
            "Notes From Supervising Eleven PhDs", "Help Status About Careers"} <= removed


@pytest.mark.parametrize("footer", ["42 Likes · 7 Comments", "© 2025 Daniel Okafor", "More from Lena Ashworth"])
def test_a_posts_footer_marker_before_the_authors_prose_is_kept(footer):
    # A marker with a paragraph of prose after it is no footer: only what ends the page is.
    essay = " ".join(["We shipped the library in March and nobody noticed for six months."] * 8)
    postscript = " ".join(["I still answer every email about it, slowly, and with some pleasure."] * 4)
    assert texts(run(drop_post_footer, essay, footer, postscript)) == [essay, footer, postscript]
    assert texts(run(drop_post_footer, essay, footer)) == [essay]


def test_glued_page_address_is_split_off_and_recorded():
    result = run(split_off_page_address, "https://www.interconnects.ai/p/how-i-got-hereSome longer housekeeping notes this week:")
    assert texts(result) == ["Some longer housekeeping notes this week:"]
    change = result[1].changes[0]
    assert (change.action, change.before) == ("removed", "https://www.interconnects.ai/p/how-i-got-here")


def test_page_address_on_its_own_line_is_removed():
    assert texts(run(split_off_page_address, "https://www.interconnects.ai/p/my-path-into-ai", "I asked.")) == ["I asked."]


def test_links_inside_prose_are_the_authors():
    prose = ("One of the big upsides for my current writing habit is that I should become known by AI models "
             "within a couple years, which is a strange thing to plan a career around, but here we are today.")
    link = "https://www.interconnects.ai/p/how-i-got-here is the post I mean."
    assert texts(run(split_off_page_address, prose, link)) == [prose, link]


def test_reader_supported_appeal_is_removed_and_the_seam_kept():
    result = run(drop_subscription_notes, "many different roles can go into the arc of science.Interconnects is a "
                 "reader-supported publication. Consider becoming a subscriber.Keeping GravityMy time at Ai2")
    assert texts(result) == ["many different roles can go into the arc of science.Keeping GravityMy time at Ai2"]
    assert result[1].changes[0].before == "Interconnects is a reader-supported publication. Consider becoming a subscriber."


def test_public_episode_footer_is_removed():
    result = run(drop_subscription_notes, "overcome adversity in the right way. This is a public episode. If you'd like "
                 "to discuss this with other subscribers or get access to bonus episodes, visit www.interconnects.ai/subscribe")
    assert texts(result) == ["overcome adversity in the right way."]


def test_appeal_between_spaced_sentences_leaves_one_space():
    result = run(drop_subscription_notes, "the arc of science. Interconnects is a reader-supported publication. "
                 "Consider becoming a subscriber. My time at Ai2")
    assert texts(result) == ["the arc of science. My time at Ai2"]


def test_title_line_becomes_the_heading_without_loss():
    lines = (Line(1, "My path into AI"), Line(9, seed_line_9()), Line(10, "Short closing line."))
    out = mark_title_heading(lines, CleaningLog("en.txt"))
    assert out == (Line(1, "My path into AI", "heading"), *lines[1:])


def test_a_title_in_title_case_may_run_long_with_its_subtitle():
    title = "Eight Years of Listening: What I Learned Leaving Quant Finance for Open-Source Speech"
    body = ("In the spring of 2017 I left a trading firm in Chicago to work on speech recognition for free. "
            "People still ask me why, and for a long time I did not have a good answer. I have one now.")
    assert mark_title_heading((Line(1, title), Line(3, body)), CleaningLog("en.txt"))[0].kind == "heading"
    # Thirteen words in sentence case are a sentence that lost its full stop.
    sentence = "Eight years ago I left a trading firm in Chicago to work on speech for free"
    assert mark_title_heading((Line(1, sentence), Line(3, body)), CleaningLog("en.txt"))[0].kind == "paragraph"


def test_a_title_followed_by_the_first_sections_heading_is_a_title():
    lines = (Line(1, "Two years outside the big lab"), Line(3, "Why I left the lab"),
             Line(5, "For six years I worked at a large lab, and for most of them I was happy there. Then I left."))
    assert [line.kind for line in mark_title_heading(lines, CleaningLog("en.txt"))] == ["heading", "paragraph", "paragraph"]
    # A date, a byline or a sentence above a short title is none.
    for front in ("March 3, 2024", "By Jane Doe", "I was nineteen when I left home"):
        lines = (Line(1, front), *lines[1:])
        assert mark_title_heading(lines, CleaningLog("en.txt"))[0].kind == "paragraph", front


def test_a_title_over_one_sentence_a_line_is_a_title():
    # A literary translation sets each sentence on a line of its own: the title is followed by
    # one sentence, not a paragraph, and is known by the lines after it.
    title = "Eight Years of Listening: What I Learned Leaving Quant Finance for Open-Source Speech"
    sentences = ["In the spring of 2017 I left a trading firm in Chicago to work on speech recognition for free.",
                 "People still ask me why, and for a long time I did not have a good answer.",
                 "I have one now, or at least a better one.", "This post is the long version."] * 3
    lines = tuple(Line(n, text) for n, text in enumerate([title, *sentences], 1))
    assert mark_title_heading(lines, CleaningLog("en.txt"))[0].kind == "heading"


# --- paragraphs --------------------------------------------------------------------------------

def test_seams_of_a_run_on_line_become_paragraphs():
    result = run(restore_paragraph_breaks, "For context relative to today’s second coming of RL, this was when deep "
                 "reinforcement learning was in its hay-day.I asked Professors Levine and Abbeel directly if I could "
                 "join their research groups and they said no politely. The important part here was the practice of "
                 "consistently asking for opportunities.After these refusals in the first few months of my Ph.D. I had "
                 "no real leads.I dug up the first email from my advisor (post-doc with Sergey Levine at the time):FYI. "
                 "Roberto is interested.")
    assert texts(result) == [
        "For context relative to today’s second coming of RL, this was when deep reinforcement learning was in its hay-day.",
        "I asked Professors Levine and Abbeel directly if I could join their research groups and they said no politely. "
        "The important part here was the practice of consistently asking for opportunities.",
        "After these refusals in the first few months of my Ph.D. I had no real leads.",
        "I dug up the first email from my advisor (post-doc with Sergey Levine at the time):",
        "FYI. Roberto is interested.",
    ]
    assert [c.action for c in result[1].changes] == ["split"] * 4
    assert all(line == 9 for line in (c.line for c in result[1].changes))


def test_seams_after_quotes_and_exclamations():
    result = run(restore_paragraph_breaks, 'others like "what it’s like to work in AI right now".The most defining feature. '
                 'Onto the post!One of the big upsides.an "open-source DeepMind."Little did I know. you\'re welcome!The FAIR internship')
    assert texts(result)[1:] == ["The most defining feature. Onto the post!", "One of the big upsides.an \"open-source DeepMind.\"",
                                 "Little did I know. you're welcome!", "The FAIR internship"]


def test_a_single_seam_is_a_typo_not_a_lost_break():
    line = "this was when deep reinforcement learning was in its hay-day.I asked Professors Levine and Abbeel."
    assert texts(run(restore_paragraph_breaks, line)) == [line]
    assert split_glued_sentences(line) == ("this was when deep reinforcement learning was in its hay-day. "
                                           "I asked Professors Levine and Abbeel.")


@pytest.mark.parametrize("text", [
    "An ambivalence on if I actually needed to finish the Ph.D. I was starting, and e.g. the U.S. and Tülu 2 70B.",
    "visit www.interconnects.ai/subscribe and read 0.5 of it. Making OLMo-Instruct happen. J.R.R. Tolkien wrote. Mr. Smith.",
    "Subject: Re: Microrobot simulation at 9:34 AM, see https://www.interconnects.ai/p/how-i-got-here today.",
])
def test_no_seam_in_abbreviations_numbers_addresses_and_names(text):
    assert split_glued_sentences(text) == text
    assert texts(run(restore_paragraph_breaks, text)) == [text]


def test_very_long_paragraph_without_seams_is_cut_at_sentence_ends():
    sentences = ["The expectation at HuggingFace was that you made an increment of technical progress every day."] * 30
    result = run(split_long_paragraphs, " ".join(sentences))
    pieces = texts(result)
    assert len(pieces) > 2 and all(p.endswith("every day.") for p in pieces)
    assert " ".join(pieces) == " ".join(sentences)


def test_comma_glued_to_a_word_gets_its_space():
    assert space_after_comma("based on the inertial sensor data,and compare to the traditional controller") == \
        "based on the inertial sensor data, and compare to the traditional controller"


# --- lists ---------------------------------------------------------------------------------------

def test_inline_bullets_become_items_under_their_introduction():
    result = run(split_inline_bullets, "some basic facts that I brought with me were:* An obvious gift on focusing and "
                 "grinding through moderate amounts of technical material alone,* Acceptance that most people can do very "
                 "hard things,* An ambivalence on if I actually needed to finish the Ph.D. I was starting, and* Plenty of "
                 "undirected ambition.")
    assert result[0] == [
        ("paragraph", "some basic facts that I brought with me were:"),
        ("item", "An obvious gift on focusing and grinding through moderate amounts of technical material alone,"),
        ("item", "Acceptance that most people can do very hard things,"),
        ("item", "An ambivalence on if I actually needed to finish the Ph.D. I was starting, and"),
        ("item", "Plenty of undirected ambition."),
    ]


def test_list_ends_where_the_next_paragraph_is_glued_to_the_last_item():
    result = run(split_inline_bullets, "This would involve:* fabricating those designs in silicon* testing the silicon "
                 "robotsThere are a couple of other projects that are interesting:* using inertial sensor data to "
                 "optimize gait* using the same sensors, but on the ionocraftAnd finally, using learning.")
    assert result[0] == [
        ("paragraph", "This would involve:"),
        ("item", "fabricating those designs in silicon"),
        ("item", "testing the silicon robots"),
        ("paragraph", "There are a couple of other projects that are interesting:"),
        ("item", "using inertial sensor data to optimize gait"),
        ("item", "using the same sensors, but on the ionocraft"),
        ("paragraph", "And finally, using learning."),
    ]


def test_item_with_several_sentences_and_names_stays_whole():
    result = run(split_inline_bullets, "The things I do are:* Making OLMo-Instruct happen. I am the interface between "
                 "OLMo pretraining and post-training projects.* Making AI more open. This is all things interconnects.")
    assert texts(result) == ["The things I do are:", "Making OLMo-Instruct happen. I am the interface between OLMo "
                             "pretraining and post-training projects.", "Making AI more open. This is all things interconnects."]



def test_bullet_signs_inside_a_run_on_paragraph_become_items():
    # A web page copied as one line keeps its bullet signs, spaced, not glued like a star.
    result = run(split_inline_bullets, "The things I do are: • Making OLMo-Instruct happen. I babysit the training jobs. "
                 "• Making AI more open. This is all things interconnects. I *really* like it: ◦ small ▪ things")
    assert texts(result) == ["The things I do are:", "Making OLMo-Instruct happen. I babysit the training jobs.",
                             "Making AI more open. This is all things interconnects. I *really* like it:",
                             "small", "things"]
    assert [kind for kind, _ in result[0]] == ["paragraph", "item", "item", "item", "item"]


def test_a_middle_dot_in_a_name_is_not_a_bullet():
    text = "Jean·Paul and Xi · Ping are names: nothing here is a list."
    assert texts(run(split_inline_bullets, text)) == [text]

# --- quoted mail -----------------------------------------------------------------------------------

def test_forwarded_mail_in_the_seed_is_a_quotation():
    lines = (Line(9, seed_line_9()),)
    log = CleaningLog("en.txt")
    for fixer in EN_FIXERS:
        log.fixer = fixer.__name__
        lines = fixer(lines, log)
    shown = [(line.kind, line.text) for line in lines]
    start = shown.index(("quote", "FYI. Roberto is interested in applying machine learning to ionocraft problems."))
    end = shown.index(("paragraph", next(t for k, t in shown if t.startswith("The details are a long story"))))
    mail = shown[start:end]
    assert all(kind == "quote" for kind, _ in mail)
    assert [text for _, text in mail[1:4]] == [
        "ksjp", "---------- Forwarded message ----------",
        "From: Kristofer PISTER Date: Fri, Feb 16, 2018 at 9:34 AM Subject: Re: Microrobot simulation "
        "To: Daniel Contreras Cc: Brian Yang, Grant Wang, Roberto Calandra",
    ]
    assert ("quote", "• testing the silicon robots") in mail
    assert mail[-2:] == [("quote", "Do you guys have any brilliant and hardworking friends who are looking for research "
                                   "projects in machine learning for micro robots?"), ("quote", "ksjp")]
    assert shown[start - 1][1].endswith("(post-doc with Sergey Levine at the time):")


def test_mail_without_sign_off_quotes_its_header_and_asks_the_curator():
    result = run(quote_forwarded_mail, "He sent it on. ---------- Forwarded message ---------- From: Kristofer PISTER "
                 "Date: Fri, Feb 16, 2018 at 9:34 AM", "The details are a long story.")
    assert result[0] == [("paragraph", "He sent it on."), ("quote", "---------- Forwarded message ----------"),
                         ("quote", "From: Kristofer PISTER Date: Fri, Feb 16, 2018 at 9:34 AM"),
                         ("paragraph", "The details are a long story.")]
    assert "sign-off" in result[1].problems[0].message


def test_words_fused_by_the_mails_line_wrap_are_separated_only_in_quotes():
    lines = ("the same words elsewhere: most, interesting, research, projects, hard, working",)
    quoted = run(split_wrapped_words, *lines, "The mostinteresting one", "looking for researchprojects in robots")
    assert texts(quoted)[1:] == ["The mostinteresting one", "looking for researchprojects in robots"]  # not quotes
    log = CleaningLog("en.txt")
    out = split_wrapped_words((Line(9, lines[0]), Line(9, "The mostinteresting one", "quote"),
                               Line(9, "hardworking friends looking for researchprojects", "quote")), log)
    assert [line.text for line in out[1:]] == ["The most interesting one", "hardworking friends looking for research projects"]
    assert [c.action for c in log.changes] == ["changed", "changed"]


# --- headings --------------------------------------------------------------------------------------

@pytest.mark.parametrize("glued, heading, rest", [
    ("Getting into AIWithout retelling my entire pre-grad school life", "Getting into AI", "Without retelling my entire pre-grad school life"),
    ("Building MomentumThe best thing that I learned at HuggingFace", "Building Momentum", "The best thing that I learned at HuggingFace"),
    ("Keeping GravityMy time at Ai2 has been the easiest", "Keeping Gravity", "My time at Ai2 has been the easiest"),
])
def test_glued_section_headings_get_their_own_line(glued, heading, rest):
    result = run(split_glued_headings, glued)
    assert result[0] == [("heading", heading), ("paragraph", rest)]
    assert result[1].changes[0].after.startswith(f"## {heading} ¶ ")


def test_heading_glued_after_a_sentence_inside_a_line():
    result = run(split_glued_headings, "prior to getting here it was a striving to belong. Getting into AIWithout retelling it all")
    assert result[0] == [("paragraph", "prior to getting here it was a striving to belong."),
                         ("heading", "Getting into AI"), ("paragraph", "Without retelling it all")]


def test_every_heading_glued_in_one_line_is_found():
    result = run(split_glued_headings, "Building MomentumThe best thing that I learned. Keeping GravityMy time at Ai2.")
    assert result[0] == [("heading", "Building Momentum"), ("paragraph", "The best thing that I learned."),
                         ("heading", "Keeping Gravity"), ("paragraph", "My time at Ai2.")]


# A page flattened with spaces where its breaks were: padding makes each text a run-on line.
PADDING = " It was a long day and the work went on." * 60


@pytest.mark.parametrize("before, heading, after", [
    ("So it goes.", "Nowhere to hide", "A few months ago I went out."),
    # ``Researchers`` opens no sentence by itself, but the text writes it in lowercase too.
    ("So say most researchers.", "Work that touches the bottom line", "Researchers in industry are rarely paid for it."),
    ("So it goes.", "Keeping Gravity", "My time at Ai2 has been easy."),
    # A sentence opening on a date or a name after a preposition.
    ("So it goes.", "Building the flywheel", "In January 2022 I finally booked it."),
    ("So it goes.", "Finding momentum again", "At Nordvik my first project was small."),
    ("So it goes.", "Inside the paper mill", "Nobody in our lab said it."),
    # Ending in a determiner, yet no noun phrase reads "no The": the heading ends there.
    ("So it goes.", "Learning to say no", "The first time was an accident."),
    # A comma between the words of a Title-Case phrase.
    ("So it goes.", "Side Doors, Luck and Rest", "The paper that got me going came late."),
    # Before "I": every word capitalized, words the text writes in lowercase among them.
    ("It was a project that went nowhere.", "The Project That Went Nowhere", "I started my doctorate in 2013."),
    # Before a sentence opening on a year, a longer phrase with a comma: no sentence runs on
    # into "Since 2022" without a full stop.
    ("So it goes.", "Oulu, and what I tell students now", "Since 2022 I have led a small group."),
    # A conjunction before "I" opens the sentence: no heading ends in one.
    ("So it goes.", "Coming Back Smaller", "When I returned in July 2022, Helen met me."),
    # Seven words in Title Case, where the shortest phrase there ("Lab", before "Culture and")
    # is none.
    ("So it goes.", "Lab Culture and the Collaboration That Failed", "While I was away I had time to think."),
])
def test_a_heading_a_flattened_page_joined_with_a_space_gets_its_line_back(before, heading, after):
    marker = "## " if heading == "Keeping Gravity" else ""
    result = run(split_spaced_headings, f"{before} {marker}{heading} {after}{PADDING}")
    assert result[0][:3] == [("paragraph", before), ("heading", heading), ("paragraph", after + PADDING)]
    recorded = " ".join(change.after for change in result[1].changes)  # a long heading is shortened there
    assert f"## {heading[:24]}" in recorded and f"{heading[-24:]} ¶ {after[:20]}" in recorded


@pytest.mark.parametrize("text", [
    "So it goes. Then we met Pieter at lunch.",           # a name, never written in lowercase
    "So it goes. We read about it in The Times today.",   # a title: a capital follows its first word
    "So it goes. After that I went home early.",          # ``I`` is capital anywhere
    "So it goes. Keeping Gravity was the hardest part.",  # Title Case with no opener after it
    # Sentences cut in two would look like these; the padding writes may, figure and
    # table, transformer, internet and professor in lowercase, as an essay would.
    "So it goes. We launched in May 2023 and grew.",
    "So it goes. As shown in Figure 3 the loss drops.",
    "So it goes. Results are in Table 2 for everyone.",
    "So it goes. We read Section 4 twice.",
    "So it goes. I got an A on the exam.",
    "So it goes. We chose option A because it was cheap.",
    "So it goes. Choosing plan A worked well.",
    "So it goes. She had a type A personality.",
    "So it goes. My first paper used the Transformer and little else.",
    "So it goes. By then the Internet was everywhere.",
    "So it goes. Life In London was hard.",               # a title: it ends in a capital
    "So it goes. There was no Time to read it.",          # a determiner before a capital word
    "So it goes. Paris, Rome and Berlin were on the list.",  # names in a list, no opener after
    "So it goes. After lunch, the team The paper said.",  # a comma ends no heading in lowercase
    "So it goes. After lunch, the team met In May to plan.",  # …nor before a month: only a year
    "So it goes. After lunch, the team met On 3 May to plan.",  # …nor before a day
    "So it goes. Most of us spent weeks in labs In Oslo.",  # seven words, before no year: a sentence
    "So it goes. We moved back In March.",                # a sentence: it starts like one
    "So it goes. Later Pieter Abbeel And I talked.",      # names before "I"
    "So it goes. What I tell new students I wrote down.",  # before "I", not every word capitalized
    "So it goes. Nothing worked when I tried it.",        # a conjunction in lowercase goes on
    "So it goes. At the University of Toronto I studied physics.",  # a place before "I"
    "So it goes. Most of the team met us in Oslo While I was away.",  # seven words, not in Title Case
])
def test_no_heading_is_found_in_an_ordinary_sentence_of_a_flattened_page(text):
    padding = PADDING + " It may work, a figure in a table of a transformer on the internet, a professor said." * 3
    assert run(split_spaced_headings, text + padding)[0] == [("paragraph", text + padding)]


@pytest.mark.parametrize("title, after", [
    ("Running on Empty: Notes from a Machine Learning Lab", "In the spring of 2021, I sat in my car."),
    ("Twelve Years, Five Labs, and a Benchmark I Had to Let Go", "Last month a student asked me."),
    ("What Four Years of Maintaining an Evaluation Library Taught Me", "In the spring of 2019 I pushed it."),
    ("Why I Left Academia", "I spent nine years there."),
    # "From a" and "With a" go on in capitals: the title does too.
    ("Lessons Learned From a Failed Startup", "In the spring of 2019 we closed."),
    ("Doing a PhD With a Newborn", "In 2021 I started."),
    ("Why I Left My Ph.D. Program", "I spent six years in it."),
    # Thirteen words, with its subtitle.
    ("Eight Years of Listening: What I Learned Leaving Quant Finance for Open-Source Speech",
     "In the spring of 2017 I left."),
])
def test_the_title_a_flattened_page_starts_with_gets_its_line_back(title, after):
    result = run(split_spaced_headings, f"{title} {after}{PADDING}")
    assert result[0][:2] == [("heading", title), ("paragraph", after + PADDING)]


@pytest.mark.parametrize("text", [
    "Last Tuesday OpenAI and Google Research announced a model.",  # an opener in lowercase follows no Title Case
    "Pieter Abbeel And I talked.",                 # a title ends in no small word, nor is it names before "I"
    "Machine Learning At Scale was my first talk.",  # no opener after the capitals
    "Dear Friends, This week was long.",           # a title ends in a word, not a comma
    "Dear Professor Smith I am writing to you.",   # a letter's greeting
    "Our Plan A was simple.",                      # two capitalized words may be a name
])
def test_a_flattened_page_starting_with_a_sentence_has_no_title(text):
    result = run(split_spaced_headings, text + PADDING)
    assert result[0][0] == ("paragraph", text + PADDING)


def test_a_page_pasted_with_a_space_before_it_keeps_its_title():
    result = run(split_spaced_headings, " Why I Left Academia I spent nine years there." + PADDING)
    assert result[0][0] == ("heading", "Why I Left Academia")


def test_only_the_first_line_is_searched_for_a_title():
    text = "Twelve Years, Five Labs, and a Benchmark I Had to Let Go Last month a student asked me." + PADDING
    lines = (Line(1, "A page whose first line is its own." + PADDING), Line(2, text))
    assert [l.kind for l in split_spaced_headings(lines, CleaningLog("en.txt"))] == ["paragraph", "paragraph"]


def test_spaced_headings_are_only_searched_in_a_flattened_page():
    text = "So it goes. Nowhere to hide A few months ago I went out."
    assert run(split_spaced_headings, text)[0] == [("paragraph", text)]


def test_speaker_turns_of_a_flattened_interview_start_paragraphs():
    text = "Q: Is compute all that matters? A: It never was. Q: Why not? Lex Fridman: Post-training. A: Yes."
    assert texts(run(split_speaker_turns, text)) == [
        "Q: Is compute all that matters?", "A: It never was.", "Q: Why not?", "Lex Fridman: Post-training.", "A: Yes."]
    one_label = "We had a plan. Note: Compute was never the bottleneck."
    assert texts(run(split_speaker_turns, one_label)) == [one_label]  # a line of its own, as written
    assert texts(run(split_speaker_turns, one_label + PADDING)) == [one_label + PADDING]  # the author's note


def test_a_heading_already_on_its_own_line_is_left_alone():
    assert run(split_glued_headings, "Building Momentum")[0] == [("paragraph", "Building Momentum")]


@pytest.mark.parametrize("text", [
    "HuggingFace has had a lot of mind share but not a lot of momentum recently.",
    "OpenAI launched the Reinforcement Finetuning (RFT) API.",
    "RewardBench, the first evaluation tool for reward models in RLHF.",
    "DeepMind The Podcast was a show I liked.",
    "YouTube My Channel is a page name.",
    "LinkedIn In My Opinion is a column.",
    "OLMo The Model is a joke title.",
    "We made TRL a more modern library.",
    "ChatGPT The Movie does not exist.",
])
def test_camel_case_names_are_not_seams(text):
    assert texts(run(split_glued_headings, text)) == [text]
    assert texts(run(split_inline_bullets, text)) == [text]


# --- sentences -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sentences", [
    ("I asked. They said no.", ["I asked.", "They said no."]),
    ("An ambivalence on if I actually needed to finish the Ph.D. I was starting, worst case a master’s degree.",
     ["An ambivalence on if I actually needed to finish the Ph.D. I was starting, worst case a master’s degree."]),
    ("Disruptions, changing jobs, low-quality work, etc. can actively slow down career growth. It is hard.",
     ["Disruptions, changing jobs, low-quality work, etc. can actively slow down career growth.", "It is hard."]),
    ("Tools, e.g. TRL, i.e. a library, etc. It grew.", ["Tools, e.g. TRL, i.e. a library, etc.", "It grew."]),
    ("Mr. Lambert met Dr. Levine in the U.S. Army lab on Feb. 16 at 9:34 AM.",
     ["Mr. Lambert met Dr. Levine in the U.S. Army lab on Feb. 16 at 9:34 AM."]),
    ("It costs 0.5 of a GPU. Tülu 2 70B was training.", ["It costs 0.5 of a GPU.", "Tülu 2 70B was training."]),
    ('to help build an "open-source DeepMind." Little did I know.', ['to help build an "open-source DeepMind."', "Little did I know."]),
    ("(it's pretty outdated now, so it goes). Going into that week I'd heard of RLHF.",
     ["(it's pretty outdated now, so it goes).", "Going into that week I'd heard of RLHF."]),
    ("you're welcome! The FAIR internship? It was good.", ["you're welcome!", "The FAIR internship?", "It was good."]),
    ("Talk topics are tentative: SF and Seattle.", ["Talk topics are tentative: SF and Seattle."]),
    ('"Why?" she asked. "Because," he said.', ['"Why?" she asked.', '"Because," he said.']),
    ("in its hay-day.I asked Professors Levine and Abbeel.", ["in its hay-day.", "I asked Professors Levine and Abbeel."]),
    ("J. R. R. Tolkien wrote it. Kris S. Pister forwarded it.", ["J. R. R. Tolkien wrote it.", "Kris S. Pister forwarded it."]),
    ("It started in 2018. 3 years later it was done.", ["It started in 2018.", "3 years later it was done."]),
    ("Wait... Then it came. Really?! Yes…", ["Wait...", "Then it came.", "Really?!", "Yes…"]),
])
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


# --- negative set: well-formed English goes through every fixer unchanged -----------------------------

NEGATIVE = {
    "prose paragraphs": [
        "I did good work for Roberto. Even though I thought I was out of place at the time, my diligence and "
        "commitment was super valuable to do real research. Now that AI research is so popular, a lot of people "
        "want a check box of doing it rather than getting super into the details.",
        "Where I did get lucky was Roberto asking if I wanted to join him for an internship at FAIR in 2019. This was "
        "earlier than I deserved it. Working at FAIR was wonderful and I learned how to properly experiment in AI.",
        "The best thing that I learned at HuggingFace was how to build momentum and mind-share. As an organization, "
        "HuggingFace has had a lot of mind share but not a lot of momentum recently. I finished my Ph.D. in AI with "
        "no accepted papers at NeurIPS, ICML, or ICLR, the three leading AI conferences.",
        "Then, I joined Ai2 and they were training Tülu 2 70B when I started. These models together had Chris Manning "
        "credit me for \"saving DPO\" even though I had little direct technical impact on them.",
    ],
    "one sentence per line": [
        "I asked Professors Levine and Abbeel directly if I could join their research groups and they said no politely.",
        "The important part here was the practice of consistently asking for opportunities.",
        "I took classes, tried to parse papers, and so on but was for the large part on my own.",
        "Stay tuned.",
    ],
    "dialogue in quotes": [
        "\"You can change the world working 4 hours a day,\" my advisor said.",
        "\"Why?\" I asked. \"Because most people don't keep stacking bricks in the same direction.\"",
        "“Is it late?” I wondered. “It was late,” she said, “but nobody had done it.”",
    ],
    # Markdown's list and emphasis marks are read (test_an_essay_saved_as_markdown…); stars and
    # underscores that are no marks stay.
    "stars and underscores": [
        "The total attention is growing* and collapsing onto fewer people.",
        "A budget of 5 * 3 = 15 GPUs, set in config_v2 and run_all.",
    ],
    # A plain text (no Markdown of its own) keeps what Markdown would read as marks.
    "marks in plain prose": [
        "I sent applications for months and kept count of every one of them in a notebook.",
        "200. That is how many applications I sent.",
        ">50% of my papers were rejected at least once.",
        "- and that was before the pandemic started.",
    ],
}


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_well_formed_english_comes_through_unchanged(name):
    raw = tuple(Line(n, text) for n, text in enumerate(NEGATIVE[name], start=1))
    text, log = clean_english(raw, "en.txt")
    assert [(b.kind, b.text) for b in text.blocks] == [("paragraph", line.text) for line in raw]
    assert log.changes == [] and log.problems == []


# --- the whole seed --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cleaned_seed():
    return clean_english(read_lines(SEED, "en.txt"), "en.txt")


def test_seed_structure(cleaned_seed):
    text, log = cleaned_seed
    kinds = Counter(block.kind for block in text.blocks)
    headings = [b.text for b in text.blocks if b.kind == "heading"]
    assert headings == ["My path into AI", "Getting into AI", "Building Momentum", "Keeping Gravity"]
    assert kinds["item"] == 13 and kinds["quote"] >= 15 and kinds["paragraph"] >= 40
    assert log.problems == []


def test_seed_keeps_every_word_it_does_not_report(cleaned_seed):
    """Words on the page plus words the report says were removed give back the source's words."""
    text, log = cleaned_seed
    kept = " ".join(b.text for b in text.blocks)
    removed = " ".join(c.before for c in log.changes if c.action == "removed")
    source = " ".join(line.text for line in read_lines(SEED, "en.txt"))

    def letters(s: str) -> Counter:
        return Counter(c for c in s if c.isalnum())
    assert letters(kept) + letters(removed) == letters(source)


def test_seed_has_no_chrome_and_no_seams(cleaned_seed):
    text, _ = cleaned_seed
    page = "\n".join(b.text for b in text.blocks)
    for chrome in ("Podcast artwork", "Categorieën", "Een podcast door", "native language site", "https://",
                   "reader-supported", "public episode", "hay-day.I", "AIWithout", "MomentumThe", "GravityMy", ":*"):
        assert chrome not in page, chrome
    assert all(line == 9 for b in text.blocks[1:] for line in b.lines)


def test_seed_sentences_do_not_break_abbreviations(cleaned_seed):
    text, _ = cleaned_seed
    sentences = [s.text for b in text.blocks for s in b.sentences]
    assert "After these refusals in the first few months of my Ph.D. I had no real leads in getting into AI for pretty much the rest of my first year." in sentences
    assert not any(s.endswith(("Ph.D.", "e.g.", "U.S.")) for s in sentences)
    assert 170 <= len(sentences) <= 200


def test_clean_command_shows_the_rebuilt_structure():
    result = subprocess.run([sys.executable, "-m", "duizhao.cli", "clean", str(SEED)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    page, _, report = result.stdout.partition("# cleaning report")
    for heading in ("## Getting into AI", "## Building Momentum", "## Keeping Gravity"):
        assert f"\n{heading}\n" in page
    assert "\n- An obvious gift on focusing" in page
    assert "\n> ---------- Forwarded message ----------\n" in page
    assert "Podcast artwork" not in page and "Podcast artwork" in report


def test_terminal_codes_and_markup_a_copy_kept_leave_the_sentences_whole():
    raw = ("<p>He kept bees for forty years.\x1b[2J\x08 He had eleven hives,&nbsp;all painted.</p>",
           "A soft\u00adware bug in the hive\u200b scale.")
    en, log = clean_english(tuple(Line(n, t) for n, t in enumerate(raw, 1)), "en.txt")
    assert [s.text for b in en.blocks for s in b.sentences] == [
        "He kept bees for forty years.", "He had eleven hives, all painted.", "A software bug in the hive scale."]
    assert {(c.fixer, c.line) for c in log.changes} >= {
        ("remove_invisible_characters", 1), ("strip_html_markup", 1), ("remove_invisible_characters", 2)}


MARKDOWN_ESSAY = """# Notes on Building Things

Over the years many people have asked me
how to do research that *lasts*, and this post
collects my **answer in
one place**.

Many people ask how to do research that matters. This post collects a few thoughts.[^1]

## Pick projects, not papers

A paper is a **snapshot** of a project. If you think in [papers](https://example.org/papers), you optimize for deadlines.

- Choose problems with room to grow.
- Release early, and keep improving.

> Research is a long game.

---

1. Test on a clean machine.
2. Answer the first issues quickly.

![A chart of downloads](chart.png)

[^1]: Thanks to my friends for comments.

Override `__init__` and pass `**kwargs`, as https://a.org/x_y_z/ says: 2**10 is 1024.
"""


def test_an_essay_saved_as_markdown_reads_as_its_rendered_page():
    # A blog's .md file: its marks give structure and leave the sentences, and a numbered
    # item's "1." is no sentence of its own.
    lines = tuple(Line(n, text) for n, text in enumerate(MARKDOWN_ESSAY.splitlines(), 1))
    en, log = clean_english(lines, "en.txt")
    kinds = [(block.kind, block.text) for block in en.blocks]
    assert kinds[0] == ("heading", "Notes on Building Things")
    # A paragraph wrapped over four lines is one paragraph, its emphasis across lines read.
    assert kinds[1] == ("paragraph", "Over the years many people have asked me how to do research that lasts, "
                                     "and this post collects my answer in one place.")
    assert en.blocks[1].lines == (3, 4, 5, 6)  # every source line it holds, as a Chinese block's
    assert ("heading", "Pick projects, not papers") in kinds
    assert ("item", "Choose problems with room to grow.") in kinds and ("item", "Answer the first issues quickly.") in kinds
    assert ("quote", "Research is a long game.") in kinds
    sentences = [s.text for block in en.blocks for s in block.sentences]
    assert "A paper is a snapshot of a project." in sentences
    assert "If you think in papers, you optimize for deadlines." in sentences
    assert "Many people ask how to do research that matters." in sentences and "Thanks to my friends for comments." in sentences
    prose = [s for s in sentences if not s.startswith("Override")]  # that one quotes code
    assert not [s for s in prose if any(mark in s for mark in ("*", "[", "](", "`", "---", "> "))], sentences
    assert not [s for s in sentences if s.rstrip(".").isdigit()], sentences
    recorded = {c.line for c in log.changes}  # every mark taken off is recorded
    assert {1, 3, 8, 10, 12, 14, 15, 17, 19, 21, 22, 24, 26} <= recorded, sorted(recorded)
    # Code and web addresses keep every character; a star between figures is no mark.
    assert "Override __init__ and pass **kwargs, as https://a.org/x_y_z/ says: 2**10 is 1024." in sentences


UNDERLINED_ESSAY = """---
title: How I pick problems
tags:
  - research
---

How I Pick Research Problems
============================

Many people ask me how to pick problems. I wrote this
down for my students.

![a chart](chart.png)
---

Early days
----------

Here is the script I run every Friday:

```python
def log_week(done,todo):
    print("finished:",len(done))   # e.g. the last one
    return "<br> &amp;"
```

| Year | Papers |
|:-|-:|
| 2019 | *none* |
| 2023 | twelve. Really. |
| a \\| b | `x|y` |

That is all.
"""


def test_markdown_underlined_headings_tables_and_code_read_as_rendered():
    # Titles underlined with === and ---, a table and fenced code under the file's metadata
    # block: a renderer shows two headings, a table's rows and code as typed; read as plain
    # text, "====" stood in the title, the table's rows ran into one paragraph, the code was
    # spaced as prose and its "<br>" taken for page markup.
    lines = tuple(Line(n, text) for n, text in enumerate(UNDERLINED_ESSAY.splitlines(), 1))
    en, log = clean_english(lines, "en.md")
    kinds = [(block.kind, block.text) for block in en.blocks]
    assert kinds[:3] == [("heading", "How I Pick Research Problems"),
                         ("paragraph", "Many people ask me how to pick problems. I wrote this down for my students."),
                         ("heading", "Early days")], kinds
    assert ("item", "Year | Papers") in kinds and ("item", "2019 | none") in kinds
    assert ("item", "2023 | twelve. Really.") in kinds and ("item", "a | b | x|y") in kinds
    assert not [text for _, text in kinds if "---" in text or "===" in text or ":-" in text or "title:" in text]
    code = [block for block in en.blocks if block.kind == "code"]
    assert [block.text for block in code] == ['def log_week(done,todo):',
                                              '    print("finished:",len(done))   # e.g. the last one',
                                              '    return "<br> &amp;"']
    assert all(len(block.sentences) == 1 for block in code)  # its full stops end no sentence
    # The metadata block, the underlines (with the title), the image and its rule, the fences,
    # the table's marks: every change is recorded.
    assert {1, 2, 3, 4, 5, 7, 13, 14, 16, 21, 25, 27, 28, 29} <= {c.line for c in log.changes}


def test_a_markdown_table_without_outer_pipes_reads_as_its_rows():
    # GitHub also takes a table without pipes at the ends of its rows; read as paragraphs, its
    # header ran into the sentence above it and its rows into one another.
    text = ("## Output\nMy yearly count looked like this:\nYear | Papers\n--- | ---:\n2019 | none\n"
            "2023 | twelve\n\nAfter that I stopped counting.")
    en, log = clean_english(tuple(Line(n, t) for n, t in enumerate(text.splitlines(), 1)), "en.md")
    kinds = [(block.kind, block.text) for block in en.blocks]
    assert kinds == [("heading", "Output"), ("paragraph", "My yearly count looked like this:"),
                     ("item", "Year | Papers"), ("item", "2019 | none"), ("item", "2023 | twelve"),
                     ("paragraph", "After that I stopped counting.")], kinds
    assert 4 in {c.line for c in log.changes}  # the rule taken off is reported


SAVED_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Night ferry</title>
<style>
body { font-family: Georgia, serif; }
</style>
<script>
window.dataLayer = window.dataLayer || [];
gtag('js', new Date());
</script>
</head>
<body>
<h1>Night ferry</h1>
<p>Every Friday evening my mother took the night ferry.</p>
<!-- a comment
over two lines -->
<p>She worked as a nurse in the city hospital. <!-- ad --></p>
</body>
</html>
"""


@pytest.mark.parametrize("clean, text", [
    (clean_english, SAVED_PAGE),
    (clean_chinese,
     SAVED_PAGE.replace("Every Friday evening my mother took the night ferry.", "每个星期五晚上，母亲都坐夜班渡轮。")
               .replace("She worked as a nurse in the city hospital.", "她在城里的医院当护士。")),
], ids=["english", "chinese"])
def test_a_saved_web_page_gives_its_text_not_its_code(clean, text):
    lines = tuple(Line(n, t) for n, t in enumerate(text.splitlines(), 1))
    cleaned, log = clean(lines, "page.html")
    shown = [block.text for block in cleaned.blocks]
    assert not [t for t in shown if any(mark in t for mark in ("{", "gtag", "<", "charset", "dataLayer", "comment"))], shown
    assert any("night ferry" in t or "夜班渡轮" in t for t in shown) and any("nurse" in t or "护士" in t for t in shown)
    assert any(c.action == "removed" and "gtag" in c.before for c in log.changes)  # and each removal is in the report


def test_a_plain_texts_bulleted_lines_are_list_items():
    # Not Markdown (no heading, link or emphasis of its own), yet its "- " lines are a list.
    lines = (Line(1, "Here is what I would tell my younger self about that first project:"), Line(2, ""),
             Line(3, "- Talk to ten users before you write a line of code."),
             Line(4, "- Write the documentation as if it were the product."), Line(5, ""),
             Line(6, "None of this is new, but I had to learn it myself."))
    en, report = clean_english(lines, "en.txt")
    assert [(b.kind, b.text) for b in en.blocks][1:3] == [
        ("item", "Talk to ten users before you write a line of code."),
        ("item", "Write the documentation as if it were the product.")]
    assert any(change.fixer == "mark_plain_list_items" for change in report.changes)


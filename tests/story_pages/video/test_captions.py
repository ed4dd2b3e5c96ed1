"""Caption files become cues: WebVTT and SRT read alike whatever their encoding, what is not
captions and cues readers could not follow are refused in the editor's words, naming the cue; the
cues go back out as WebVTT and read as a transcript."""

import codecs
import unicodedata

import pytest

from story_pages.video import captions
from story_pages.video.captions import (
    CaptionError,
    Cue,
    check_cues,
    cues_text,
    format_cue_time,
    read_captions,
    to_webvtt,
    transcript_paragraphs,
)

WEBVTT = """WEBVTT - Hue-S, ứng dụng công dân số của Thành phố Huế
Kind: captions
Language: vi

NOTE Phụ đề do Sở TT&TT biên tập,
bản tháng 3.

mo-dau
00:00:00.500 --> 00:00:03.000 align:center line:90%
<v Chị Lan>Người dân gửi phản ánh qua <c.vang>Hue-S</c>.</v>

2
00:00:03.200 --> 00:00:06.800
<v Anh Minh>Chính quyền tiếp nhận &amp; xử lý
<i>trong vòng</i> <00:00:05.000>ba ngày.

00:00:07.000 --> 00:00:09.500
Hơn <b>1.000.000</b> lượt tải năm 2024.
"""

SRT = """1
00:00:00,500 --> 00:00:03,000
<font color="#ffff00">Người dân gửi phản ánh qua</font> Hue-S.

2
00:00:03,200 --> 00:00:06,800
Chính quyền tiếp nhận & xử lý
<i>trong vòng</i> ba ngày.

3
00:00:07,000 --> 00:00:09,500
{\\an8}Hơn <b>1.000.000</b> lượt tải năm 2024.
"""

EXPECTED = [
    Cue(0.5, 3.0, "Người dân gửi phản ánh qua Hue-S."),
    Cue(3.2, 6.8, "Chính quyền tiếp nhận & xử lý\ntrong vòng ba ngày."),
    Cue(7.0, 9.5, "Hơn 1.000.000 lượt tải năm 2024."),
]

NOT_CAPTIONS = (
    "Đây không phải tệp phụ đề WebVTT hoặc SRT. Hãy lưu phụ đề thành tệp .vtt hoặc .srt, bảng mã UTF-8."
)


def refusal(data: bytes) -> list[str]:
    with pytest.raises(CaptionError) as caught:
        read_captions(data)
    return caught.value.messages


def refusal_of(cues, duration=None) -> list[str]:
    with pytest.raises(CaptionError) as caught:
        check_cues(cues, duration)
    return caught.value.messages


def test_a_webvtt_file_is_read_into_its_cues():
    """Header text and metadata, a NOTE, identifiers, cue settings, voice, class, bold, italic and
    timestamp tags, a cue of two lines and an entity."""
    assert read_captions(WEBVTT.encode(), "hue-s.vtt") == EXPECTED


def test_webvtt_entities_are_decoded_and_srt_text_is_taken_as_written():
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nTải &lt;Hue-S&gt; tại&nbsp;hue-s.vn &amp; Zalo\n"
    assert read_captions(vtt.encode())[0].text == "Tải <Hue-S> tại\u00a0hue-s.vn & Zalo"
    srt = "1\n00:00:01,000 --> 00:00:03,000\nR&D &amp; CĐS\n"
    assert read_captions(srt.encode())[0].text == "R&D &amp; CĐS"


def test_the_same_captions_as_srt_give_the_same_cues_whatever_the_files_name():
    assert read_captions(SRT.encode(), "hue-s.srt") == EXPECTED
    assert read_captions(SRT.encode(), "hue-s.vtt") == EXPECTED  # the content decides


@pytest.mark.parametrize("content", [WEBVTT, SRT], ids=["webvtt", "srt"])
def test_a_bom_and_windows_line_ends_change_nothing(content):
    assert read_captions(codecs.BOM_UTF8 + content.replace("\n", "\r\n").encode()) == EXPECTED


@pytest.mark.parametrize("content", [WEBVTT, SRT], ids=["webvtt", "srt"])
@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-16"),  # Python writes the BOM of the machine's byte order
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ],
    ids=["native", "le", "be"],
)
def test_utf16_with_its_bom_is_read(content, encode):
    assert read_captions(encode(content)) == EXPECTED


def test_decomposed_vietnamese_letters_are_composed():
    decomposed = unicodedata.normalize("NFD", WEBVTT)
    assert decomposed != WEBVTT
    assert read_captions(decomposed.encode()) == EXPECTED


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200),
        "Hue-S là ứng dụng công dân số của Thành phố Huế.\nNgười dân gửi phản ánh qua Hue-S.".encode(),
        "WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nSai tiêu đề\n".encode(),
        WEBVTT.encode("utf-16-le"),  # UTF-16 without its BOM cannot be told from binary data
        "Phu\u0323 đê\u0300 Đà Nă\u0303ng".encode("cp1258"),  # Vietnamese in Windows-1258
    ],
    ids=["png", "prose", "bad-header", "utf16-without-bom", "not-utf8"],
)
def test_what_is_not_captions_is_refused_in_vietnamese(vietnamese, data):
    assert refusal(data) == [NOT_CAPTIONS]


def test_the_refusal_is_in_english_for_an_english_editor(english):
    assert refusal(b"\x89PNG\r\n\x1a\n" + bytes(50)) == [
        "This is not a WebVTT or SRT caption file. Save the captions as a .vtt or .srt file in UTF-8."
    ]


@pytest.mark.parametrize("data", [b"", b"  \r\n", codecs.BOM_UTF8, b"WEBVTT\n\nNOTE chua co phu de\n"])
def test_an_empty_file_has_no_cues(vietnamese, data):
    assert refusal(data) == ["Phụ đề chưa có câu nào: hãy thêm ít nhất một câu, có mốc thời gian và lời."]


def test_cues_out_of_order_name_the_cue(vietnamese):
    late = WEBVTT.replace("00:00:07.000 --> 00:00:09.500", "00:00:01.000 --> 00:00:02.000")
    assert refusal(late.encode()) == [
        "Câu 3 (0:01,0 → 0:02,0): bắt đầu trước câu 2; hãy xếp các câu theo đúng thứ tự thời gian."
    ]


def test_overlapping_cues_in_order_are_accepted():
    assert (
        check_cues([Cue(0.0, 3.0, "Chị Lan:"), Cue(0.0, 3.0, "Anh Minh:"), Cue(2.0, 4.0, "Cả hai")]) is None
    )


def test_an_empty_cue_is_refused(vietnamese):
    empty = WEBVTT.replace(
        "<v Anh Minh>Chính quyền tiếp nhận &amp; xử lý\n<i>trong vòng</i> <00:00:05.000>ba ngày.", ""
    )
    assert refusal(empty.encode()) == ["Câu 2 (0:03,2 → 0:06,8): chưa có lời."]
    tags_only = WEBVTT.replace("Hơn <b>1.000.000</b> lượt tải năm 2024.", "<i> </i>")
    assert refusal(tags_only.encode()) == ["Câu 3 (0:07,0 → 0:09,5): chưa có lời."]


def test_an_empty_srt_cue_is_refused_by_its_number(vietnamese):
    """webvtt-py drops an SRT cue without text; the editor is told about it, by its number."""
    empty = SRT.replace("Chính quyền tiếp nhận & xử lý\n<i>trong vòng</i> ba ngày.\n", "")
    assert refusal(empty.encode()) == ["Câu 2 (0:03,2 → 0:06,8): chưa có lời."]
    assert refusal(b"1\n00:00:01,000 --> 00:00:02,000\n") == ["Câu 1 (0:01,0 → 0:02,0): chưa có lời."]


def test_an_srt_cue_without_its_number_is_kept_in_its_place():
    """webvtt-py drops it too; its times and text are plain to read."""
    unnumbered = SRT.replace("2\n00:00:03,200", "00:00:03,200")
    assert read_captions(unnumbered.encode()) == EXPECTED


def test_times_that_cannot_be_read_name_the_cue(vietnamese):
    """webvtt-py drops such a cue without a word; here the editor learns which one and how to write
    its times."""
    commas = WEBVTT.replace("00:00:03.200 --> 00:00:06.800", "00:00:03,200 --> 00:00:06,800")
    assert refusal(commas.encode()) == [
        "Câu 2: không đọc được mốc thời gian “00:00:03,200 --> 00:00:06,800”; "
        "hãy viết theo mẫu 00:01:05.200 --> 00:01:13.000."
    ]
    sixty_one = SRT.replace("00:00:09,500", "00:00:61,500")
    assert refusal(sixty_one.encode())[0].startswith("Câu 3: không đọc được mốc thời gian")


def test_a_cue_that_ends_before_it_starts_is_refused(vietnamese):
    backwards = WEBVTT.replace("00:00:00.500 --> 00:00:03.000", "00:00:03.000 --> 00:00:00.500")
    assert refusal(backwards.encode()) == [
        "Câu 1 (0:03,0 → 0:00,5): thời điểm kết thúc phải sau thời điểm bắt đầu."
    ]
    assert refusal_of([Cue(2.0, 2.0, "Hue-S")]) == [
        "Câu 1 (0:02,0 → 0:02,0): thời điểm kết thúc phải sau thời điểm bắt đầu."
    ]


def test_a_9_second_cue_names_the_cue_and_the_7_second_limit(vietnamese):
    long = WEBVTT.replace("00:00:03.200 --> 00:00:06.800", "00:00:03.200 --> 00:00:12.200").replace(
        "00:00:07.000 --> 00:00:09.500", "00:00:12.200 --> 00:00:14.000"
    )
    assert refusal(long.encode()) == [
        "Câu 2 (0:03,2 → 0:12,2): hiện trên màn hình 9 giây; mỗi câu chỉ được hiện tối đa 7 giây, "
        "hãy tách thành các câu ngắn hơn."
    ]


def test_a_cue_of_exactly_the_limit_is_accepted_and_the_limit_is_a_setting(vietnamese, settings):
    assert check_cues([Cue(1.1, 8.1, "Bảy giây đúng")]) is None
    settings.T63_MAX_CUE_SECONDS = 5.5
    assert refusal_of([Cue(1.1, 8.1, "Bảy giây đúng")]) == [
        "Câu 1 (0:01,1 → 0:08,1): hiện trên màn hình 7 giây; mỗi câu chỉ được hiện tối đa 5,5 giây, "
        "hãy tách thành các câu ngắn hơn."
    ]


def test_a_cue_past_the_end_of_the_video_is_refused(vietnamese):
    assert refusal_of(EXPECTED, duration=8.0) == [
        "Câu 3 (0:07,0 → 0:09,5): kết thúc sau khi video đã hết (video dài 0:08,0)."
    ]
    assert check_cues(EXPECTED, duration=9.2) is None  # half a second of rounding is allowed
    assert check_cues(EXPECTED) is None  # read_captions does not know the video


def test_messages_are_in_english_for_an_english_editor(english):
    assert refusal_of([Cue(3.0, 12.5, "Hue-S")], duration=10.0) == [
        "Cue 1 (0:03.0 → 0:12.5): the cue stays on screen for 9.5 s; a cue may stay at most 7 s, "
        "so split it into shorter cues."
    ]


def test_at_most_three_problems_are_reported(english):
    cues = [Cue(float(second), second + 1.0, "") for second in range(10)]
    with pytest.raises(CaptionError) as caught:
        check_cues(cues)
    assert len(caught.value.messages) == 3
    assert str(caught.value) == "\n".join(caught.value.messages)
    assert [message.split(" (")[0] for message in caught.value.messages] == ["Cue 1", "Cue 2", "Cue 3"]


def test_a_file_over_the_size_limit_is_refused_by_its_size_before_it_is_read(vietnamese, monkeypatch):
    def not_read(data):
        raise AssertionError("a file over the limit must not be decoded or parsed")

    monkeypatch.setattr(captions, "_decode", not_read)
    huge = b"WEBVTT\n\n" + b"a" * (50 * 1024 * 1024 - 8)  # 50 MB
    assert refusal(huge) == ["Tệp phụ đề nặng 51.200 KB; mỗi tệp phụ đề chỉ được tối đa 256 KB."]


def test_a_file_of_exactly_the_size_limit_is_read(settings):
    settings.T63_MAX_CAPTION_KB = 1
    cue = "\n\n00:00:01.000 --> 00:00:02.000\nHue-S\n"
    padding = 1024 - len(f"WEBVTT\n\nNOTE {cue}")
    content = f"WEBVTT\n\nNOTE {'x' * padding}{cue}".encode()
    assert len(content) == 1024 == captions.max_caption_bytes()
    assert read_captions(content) == [Cue(1.0, 2.0, "Hue-S")]
    with pytest.raises(CaptionError):
        read_captions(content + b"\n")


def test_to_webvtt_writes_a_valid_file_that_reads_back_to_the_same_cues():
    cues = [
        Cue(0.5, 3.0, "Hue-S <beta> & Zalo"),
        Cue(3.2, 6.8, "Phản ánh --> xử lý\ntrong 3 ngày"),
        Cue(3725.25, 3727.0, "Sau hơn một giờ"),
    ]
    assert to_webvtt(cues) == (
        "WEBVTT\n\n"
        "00:00:00.500 --> 00:00:03.000\nHue-S &lt;beta&gt; &amp; Zalo\n\n"
        "00:00:03.200 --> 00:00:06.800\nPhản ánh --&gt; xử lý\ntrong 3 ngày\n\n"
        "01:02:05.250 --> 01:02:07.000\nSau hơn một giờ\n"
    )
    assert read_captions(to_webvtt(cues).encode()) == cues
    assert read_captions(to_webvtt(EXPECTED).encode()) == EXPECTED


def test_cues_are_stored_as_dicts():
    cue = Cue(1.5, 4.0, "Người dân gửi phản ánh qua Hue-S.")
    assert cue.as_dict() == {"start": 1.5, "end": 4.0, "text": "Người dân gửi phản ánh qua Hue-S."}
    assert Cue.from_dict(cue.as_dict()) == cue
    assert Cue.from_dict({"start": "2", "end": 3, "text": "Ba"}) == Cue(2.0, 3.0, "Ba")


def test_the_transcript_breaks_paragraphs_at_pauses_and_at_sentence_ends():
    cues = [
        Cue(0.0, 2.0, "Hue-S ra đời năm 2021,"),
        Cue(2.0, 4.0, "gom mọi dịch vụ"),
        Cue(4.0, 6.0, "vào một ứng dụng."),  # a sentence ends, but after three cues only
        Cue(6.0, 8.0, "Người dân phản ánh"),
        Cue(8.0, 10.0, "qua điện thoại\nvà nhận trả lời."),  # five cues and a sentence end
        Cue(10.0, 12.0, "Cán bộ xử lý trong ngày"),
        Cue(14.0, 16.0, "Sau đó,"),  # after a pause of 2 s
        Cue(16.0, 17.0, " \n "),
        Cue(17.5, 20.0, "thành phố mở rộng sang du lịch…"),
    ]
    assert transcript_paragraphs(cues) == [
        "Hue-S ra đời năm 2021, gom mọi dịch vụ vào một ứng dụng. Người dân phản ánh qua điện thoại "
        "và nhận trả lời.",
        "Cán bộ xử lý trong ngày",
        "Sau đó, thành phố mở rộng sang du lịch…",
    ]
    assert transcript_paragraphs([]) == []
    assert transcript_paragraphs([Cue(0.0, 1.0, " ")]) == []


def test_a_long_speech_without_pauses_waits_for_a_sentence_to_end():
    cues = [Cue(float(second), second + 1.0, f"vế {second}") for second in range(7)]
    cues.append(Cue(7.0, 8.0, "hết câu?"))
    cues.append(Cue(8.0, 9.0, "Câu mới!"))
    assert transcript_paragraphs(cues) == [
        "vế 0 vế 1 vế 2 vế 3 vế 4 vế 5 vế 6 hết câu?",
        "Câu mới!",
    ]


def test_cues_text_is_what_search_indexes():
    assert cues_text(EXPECTED) == (
        "Người dân gửi phản ánh qua Hue-S.\n"
        "Chính quyền tiếp nhận & xử lý\ntrong vòng ba ngày.\n"
        "Hơn 1.000.000 lượt tải năm 2024."
    )


@pytest.mark.parametrize(
    ("seconds", "vietnamese_time", "english_time"),
    [
        (0, "0:00,0", "0:00.0"),
        (65.2, "1:05,2", "1:05.2"),
        (719.96, "12:00,0", "12:00.0"),
        (3723.5, "1:02:03,5", "1:02:03.5"),
    ],
)
def test_cue_times_are_written_in_the_editors_language(seconds, vietnamese_time, english_time):
    from django.utils import translation

    with translation.override("vi"):
        assert format_cue_time(seconds) == vietnamese_time
    with translation.override("en"):
        assert format_cue_time(seconds) == english_time

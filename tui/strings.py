"""The app's own words (menus, headings, messages) in English and Korean.

Step guidance and move labels come from ``flows.guidance``; this file holds only the chrome.
"""

from __future__ import annotations

import locale
import os

STRINGS: dict[str, tuple[str, str]] = {
    # Bindings (footer)
    "quit": ("Quit", "종료"),
    "language": ("한국어", "English"),
    "direct_line": ("Call Amazon", "아마존 전화"),
    "new": ("New", "새로 시작"),
    "history": ("History", "지난 시도"),
    "back": ("Back", "뒤로"),
    "start": ("Start", "시작"),
    "skip": ("Skip", "건너뛰기"),
    "move": ("Move", "선택"),
    "record": ("Record", "기록하기"),
    "note": ("Note", "메모"),
    "map": ("Map", "전체 과정"),
    "details": ("Details", "정보 수정"),
    "moves": ("Moves", "선택지"),
    "search": ("Search", "검색"),
    "continue": ("Continue", "계속하기"),
    "again": ("New from this", "이어서 새로"),
    "copy": ("Copy", "복사"),
    "close": ("Close", "닫기"),
    "save": ("Save", "저장"),
    "yes": ("Yes", "예"),
    "no": ("No", "아니요"),
    "discard_question": ("Discard what you typed?", "입력한 내용을 버릴까요?"),
    "discard_explain": (
        "Nothing has been saved from this form yet.",
        "이 양식의 내용은 아직 저장되지 않았습니다.",
    ),
    "order_number_hint": (
        "e.g. 112-1234567-1234567, from Your Orders",
        "예: 112-1234567-1234567 (주문 내역에서)",
    ),
    "summary_hint": ("e.g. arrived with a cracked lid", "예: 뚜껑이 깨진 채로 도착함"),
    "evidence_hint": ("e.g. photos of the box, the delivery e-mail", "예: 상자 사진, 배송 이메일"),
    "confirm_end": (
        "This ends the attempt; it will move to your history. Continue?",
        "이 시도를 끝내고 기록으로 옮깁니다. 계속할까요?",
    ),
    # Command palette
    "cmd_new": ("Start a new attempt", "새 시도를 시작합니다"),
    "cmd_history": ("All attempts, searchable", "모든 시도를 검색합니다"),
    "cmd_copy_number": ("Copy Amazon's number", "아마존 번호 복사"),
    "cmd_language": ("Switch language", "언어 바꾸기"),
    # Start screen
    "tagline": (
        "Get Amazon customer service to fix a problem with an order, one step at a time.",
        "아마존 고객 서비스에서 주문 문제를 해결하도록 한 단계씩 안내합니다.",
    ),
    "unfinished": ("Unfinished attempts, most recent first", "끝나지 않은 시도 (최근 순)"),
    "none_unfinished": (
        "Nothing unfinished. Press n to start.",
        "끝나지 않은 시도가 없습니다. n을 눌러 시작하세요.",
    ),
    "due": ("Follow-ups", "후속 확인"),
    "none_due": ("No promises to check on.", "확인할 약속이 없습니다."),
    "overdue": ("overdue", "기한 지남"),
    "due_on": ("due {day}", "{day}까지"),
    "no_dated_promise": (
        "attempt #{id} is not waiting on a promise with a date, so there is nothing to remind you of",
        "시도 #{id}에는 날짜가 있는 약속이 없어 알림을 만들 수 없습니다",
    ),
    "overdue_by": ("OVERDUE by {days} day(s)", "{days}일 지남"),
    "new_attempt": ("New attempt", "새 시도"),
    "attempt_no": ("Attempt #{id}", "시도 #{id}"),
    # Prepare screen
    "prepare_title": ("Prepare", "준비"),
    "prepare_intro": (
        "A minute here saves ten on the phone. Everything is optional; you can change it later.",
        "여기서 1분을 쓰면 통화에서 10분을 아낍니다. 모두 선택 사항이며 나중에 바꿀 수 있습니다.",
    ),
    "goal_question": ("What outcome do you want?", "원하는 결과는 무엇인가요?"),
    "route_question": ("How will you contact Amazon?", "어떻게 연락하시겠어요?"),
    "route_website": ("Through the website (Help > Contact Us)", "웹사이트로 (도움말 > 연락처)"),
    "route_direct": ("Call 1 (888) 280-4331 myself", "직접 1 (888) 280-4331로 전화"),
    "start_button": ("Start", "시작"),
    "skip_button": ("Walk every step instead", "단계별로 직접 진행"),
    "save_button": ("Save", "저장"),
    "cancel_button": ("Cancel", "취소"),
    # Step screen
    "where": ("Where you are", "지금 위치"),
    "next": ("Next", "다음 화면"),
    "click": ("Click", "클릭"),
    "click_one": ("Click one of", "하나를 클릭"),
    "what_to_do": ("What to do", "할 일"),
    "tips": ("Tips", "요령"),
    "say_it": ("Say it like this", "이렇게 말해 보세요"),
    "drafts": ("Drafts kept", "보관한 초안"),
    "transcript_key": ("transcript", "채팅 기록"),
    "site_key": ("site looks different", "화면이 달라요"),
    "too_long": (
        "The {field} is too long: {length} characters; the limit is {limit}. Nothing was lost: shorten it and try again.",
        "너무 깁니다 ({field}): {length}자, 한도는 {limit}자입니다. 내용은 그대로 있으니 줄여서 다시 시도하세요.",
    ),
    "nothing_to_record_on": (
        "Nothing to record it on yet: no contact with Amazon has started in this attempt.",
        "아직 기록할 곳이 없습니다. 이 시도에서 아마존과의 연락이 시작되지 않았습니다.",
    ),
    "field_note": ("note", "메모"),
    "field_draft": ("draft", "초안"),
    "field_transcript": ("transcript", "채팅 기록"),
    "field_site_report": ("description", "설명"),
    "field_agent_name": ("agent name", "상담원 이름"),
    "field_case_number": ("case number", "접수 번호"),
    "field_promise": ("promise", "약속 내용"),
    "field_summary": ("description of the problem", "문제 설명"),
    "field_evidence": ("evidence", "증거"),
    "field_order_number": ("order number", "주문 번호"),
    "stats": ("Stats", "통계"),
    "stats_help": (
        "Outcomes, time to a fix, what worked, with charts",
        "결과, 해결까지 걸린 시간, 효과 있던 방법과 차트",
    ),
    "stats_title": ("Your history at a glance", "한눈에 보는 지난 시도"),
    "stats_attempts": ("{count} attempt(s):", "시도 {count}건:"),
    "stats_median": ("Median time from start to resolved", "시작부터 해결까지 걸린 시간 (중앙값)"),
    "stats_transfers": (
        "Transfers: {total} in all, at most {most} in one attempt",
        "다른 상담원 연결: 모두 {total}번, 한 시도에서 최대 {most}번",
    ),
    "stats_per_month": ("Attempts per month, last 12 months", "월별 시도 수 (최근 12개월)"),
    "stats_by_route": ("Resolved, by route (finished attempts)", "경로별 해결 비율 (끝난 시도)"),
    "stats_by_channel": (
        "Resolved, by channel used (finished attempts)",
        "연락 방법별 해결 비율 (끝난 시도)",
    ),
    "stats_escalation": (
        "Did escalating help? (finished attempts)",
        "상급자 요청이 도움이 됐나요? (끝난 시도)",
    ),
    "stats_supervisor_joined": ("A supervisor joined", "상급자가 연결됨"),
    "stats_asked_only": ("Asked, no supervisor came", "요청했지만 연결 안 됨"),
    "stats_no_escalation": ("Not escalated", "상급자 요청 없음"),
    "of_total": ("{resolved} of {total}", "{total}건 중 {resolved}건"),
    "site_reports": ("Where the site looked different", "사이트가 안내와 달랐던 곳"),
    "site_hint": ("(s: the site looks different)", "(s: 화면이 달라요)"),
    "site_help": (
        "Note what you see instead, and find a way around it",
        "대신 보이는 것을 기록하고 다른 방법 찾기",
    ),
    "site_describe_first": (
        "Type what you see first; Esc closes without a note.",
        "먼저 보이는 것을 적어 주세요. 기록 없이 닫으려면 Esc.",
    ),
    "site_unsaved": (
        "What you typed is not kept yet: Enter keeps it, Esc again closes without it.",
        "적은 내용을 아직 보관하지 않았습니다. Enter로 보관하거나, Esc를 한 번 더 누르면 보관하지 않고 닫습니다.",
    ),
    "site_noted": (
        "Noted with this step and today's date.",
        "지금 단계와 오늘 날짜로 기록했습니다.",
    ),
    "transcripts": ("Chat transcripts kept", "보관한 채팅 기록"),
    "transcript_help": (
        "Paste a chat to keep it; confirm what it says into the record",
        "채팅 내용을 붙여 넣어 보관하고, 찾은 정보를 확인해 기록합니다",
    ),
    "transcript_title": ("Chat transcript for attempt #{id}", "시도 #{id}의 채팅 기록"),
    "transcript_intro": (
        "Amazon's chat can't be reopened once closed: select all of it, copy, and paste it here. "
        "ctrl+s keeps it with the attempt ({kept} kept so far) and lists the names, case numbers and "
        "dates found in it; Enter records the one you confirm.",
        "아마존 채팅 창은 닫으면 다시 열 수 없습니다. 전체를 선택해 복사한 뒤 여기에 붙여 넣으세요. "
        "ctrl+s로 이 시도에 보관하면 (지금까지 {kept}개) 찾은 이름, 접수 번호, 날짜를 보여 주고, "
        "확인한 항목은 Enter로 기록합니다.",
    ),
    "transcript_paste": ("paste the chat here", "여기에 채팅 붙여 넣기"),
    "transcript_found": (
        "Found in it: Enter records the highlighted one",
        "찾은 정보: Enter로 기록",
    ),
    "transcript_empty": ("Nothing pasted yet.", "아직 붙여 넣은 내용이 없습니다."),
    "transcript_kept_now": (
        "Transcript kept; {found} thing(s) found in it.",
        "채팅 기록을 보관했습니다. 찾은 정보 {found}개.",
    ),
    "transcript_unkept": (
        "The pasted chat is not kept yet: ctrl+s keeps it, Esc again leaves without it.",
        "붙여 넣은 채팅을 아직 보관하지 않았습니다. ctrl+s로 보관하거나, Esc를 한 번 더 누르면 보관하지 않고 나갑니다.",
    ),
    "transcript_kept": ("Chat transcript", "채팅 기록"),
    "keep_transcript": ("keep", "보관"),
    "found_agent_name": ("Agent", "상담원"),
    "found_case_number": ("Case number", "접수 번호"),
    "found_promise_due": ("Promised by", "약속 기한"),
    "found_recorded": ("Recorded {what}: {value}", "{what} 기록: {value}"),
    "drafts_key": ("drafts", "초안"),
    "drafts_help": (
        "The next message, written from this attempt's facts",
        "이 시도의 사실로 쓴 다음 메시지",
    ),
    "drafts_title": ("Drafts for attempt #{id}", "시도 #{id}의 초안"),
    "drafts_intro": (
        "Written from what you recorded. Edit freely; ctrl+s keeps it with the attempt, f5 copies it, "
        "ctrl+r starts it again from the facts. Tab reaches the three drafts.",
        "기록한 내용으로 썼습니다. 자유롭게 고치세요. ctrl+s: 이 시도에 보관, f5: 복사, ctrl+r: 사실에서 다시 쓰기. "
        "Tab으로 세 가지 초안을 고를 수 있습니다.",
    ),
    "save_draft": ("save", "보관"),
    "copy_draft": ("copy", "복사"),
    "restart_draft": ("redo", "다시"),
    "draft_saved": ("kept with the attempt", "시도에 보관됨"),
    "draft_edited": ("edited, not kept yet", "고침, 아직 보관 안 됨"),
    "draft_saved_now": (
        "{count} draft(s) kept with the attempt.",
        "초안 {count}개를 시도에 보관했습니다.",
    ),
    "draft_copied": ("Copied the draft ({chars} characters).", "초안을 복사했습니다 ({chars}자)."),
    "draft_restart_edited": (
        "This draft has edits that are not kept: ctrl+r again throws them away and starts from the facts.",
        "보관하지 않은 수정이 있습니다. ctrl+r을 한 번 더 누르면 수정을 버리고 사실에서 다시 씁니다.",
    ),
    "draft_restarted": ("Started again from the facts.", "사실에서 다시 썼습니다."),
    "draft_unsaved": (
        "A draft was edited and not kept: ctrl+s keeps it, Esc again leaves without it.",
        "고친 초안을 보관하지 않았습니다. ctrl+s로 보관하거나, Esc를 한 번 더 누르면 보관하지 않고 나갑니다.",
    ),
    "phrases": ("phrases", "표현"),
    "phrases_hint": ("p: more lines  d: drafts", "p: 더 많은 표현  d: 초안"),
    "phrases_help": (
        "Calm and escalation lines for this step, to copy",
        "이 단계에서 쓸 차분한 말과 상급자 요청 표현",
    ),
    "phrases_title": ("Lines to say at this step", "이 단계에서 쓸 표현"),
    "phrases_keys": (
        "1-9 or Enter copies the English line, to paste into the chat or read out.  Esc closes.",
        "1-9 또는 Enter: 영어 문장을 복사합니다 (채팅에 붙여 넣거나 읽어 주세요).  Esc: 닫기",
    ),
    "phrase_calm": ("Keeping it calm", "차분하게"),
    "phrase_framing": ("Looking for a fix together", "함께 해결책 찾기"),
    "phrase_supervisor": ("Asking for a supervisor", "상급자 요청하기"),
    "phrase_thanks": ("Thanks, and the details for your notes", "감사 인사와 기록할 정보"),
    "supervisor_name": ("Supervisor", "상급자 이름"),
    "moves_title": ("What happened? (1-9)", "어떻게 됐나요? (1-9)"),
    "progress": ("Progress", "진행 상황"),
    "phase_after": ("After the contact", "연락 이후"),
    "phase_end": ("The end", "마무리"),
    "map_title": ("The whole process", "전체 과정"),
    "record_title": ("Record", "기록"),
    "agent_name": ("Agent name", "상담원 이름"),
    "case_number": ("Case number", "접수 번호"),
    "note_placeholder": ("Note (Enter saves)", "메모 (Enter로 저장)"),
    "promise": ("What was promised", "약속한 내용"),
    "promise_due": ("By when (YYYY-MM-DD)", "언제까지 (YYYY-MM-DD)"),
    "promise_title": ("Record the promise", "약속 기록"),
    "promise_intro": (
        "Write down exactly what the agent promised and by when, so you know when to follow up.",
        "상담원이 무엇을 언제까지 해 주기로 했는지 그대로 적어 두면 언제 다시 확인할지 알 수 있습니다.",
    ),
    "past_date": (
        "That date has already passed. Save again to keep it anyway.",
        "이미 지난 날짜입니다. 그대로 두려면 한 번 더 저장하세요.",
    ),
    "bad_date": (
        "Write the date as YYYY-MM-DD, e.g. 2026-12-01.",
        "날짜는 YYYY-MM-DD 형식으로 적어 주세요. 예: 2026-12-01",
    ),
    "saved": ("Saved", "저장됨"),
    "no_such_move": ("There is no move {number} here.", "여기에는 {number}번 선택지가 없습니다."),
    "details_hint": (
        "Press e to write down the outcome you want and the facts.",
        "e를 눌러 원하는 결과와 정보를 적어 두세요.",
    ),
    "finished_hint": (
        "Esc returns to the start; h shows your history.",
        "Esc를 누르면 처음 화면으로, h를 누르면 지난 시도로 갑니다.",
    ),
    "map_help": ("Every step, with the ones visited marked", "모든 단계와 지나온 단계 표시"),
    "details_help": (
        "Outcome wanted, order number, what happened",
        "원하는 결과, 주문 번호, 무슨 일",
    ),
    "close_hint": ("Esc closes.", "Esc로 닫습니다."),
    "not_saved": ("Not saved yet: {error}", "아직 저장되지 않음: {error}"),
    "merged_with_other_window": (
        "This attempt was also changed in another window since it was opened here: both sets of changes are kept.",
        "이 시도는 여기서 연 뒤 다른 창에서도 바뀌었습니다. 양쪽에서 바꾼 내용을 모두 남겼습니다.",
    ),
    "merge_conflicts": (
        "Changed in both windows, so the later change was kept: {fields}.",
        "두 창에서 모두 바뀌어 나중에 바꾼 내용을 남겼습니다: {fields}.",
    ),
    "file_recreated": (
        "{path} had gone (moved or deleted) since it was read: a new one was started with this attempt. The other attempts are wherever that file went.",
        "{path} 파일이 읽은 뒤 옮겨지거나 지워졌습니다. 이 시도로 새 파일을 만들었습니다. 다른 시도는 원래 파일이 옮겨진 곳에 있습니다.",
    ),
    "renumbered": (
        "Attempt #{old} is #{new} now: its number had been given to another attempt after an older copy of the data file was put back. Both are kept.",
        "시도 #{old}는 이제 #{new}입니다. 데이터 파일의 예전 사본이 제자리에 놓인 뒤 그 번호가 다른 시도에 쓰였습니다. 둘 다 남겨 두었습니다.",
    ),
    "set_aside": (
        "An older copy of the data file was put back, and it stands now. What this window saved since is kept in {path}.",
        "데이터 파일의 예전 사본이 제자리에 놓여 그 사본을 따릅니다. 이 창에서 그 뒤에 저장한 내용은 {path}에 보관했습니다.",
    ),
    "in_contact_for": ("In contact for {elapsed}", "연락 중 {elapsed}"),
    "finished_title": ("This attempt is over", "이 시도는 끝났습니다"),
    "no_contact_yet": (
        "Record agent details once you are in contact.",
        "연락이 시작되면 상담원 정보를 기록할 수 있습니다.",
    ),
    "earlier_cases": ("Earlier case numbers: {cases}", "이전 접수 번호: {cases}"),
    # Direct line
    "direct_title": ("Amazon customer service", "아마존 고객 서비스"),
    "direct_body": (
        "One number for any Amazon problem. Use it when you can't sign in, or don't know which department you need.",
        "어떤 아마존 문제든 받는 번호입니다. 로그인할 수 없거나 어느 부서인지 모를 때 이용하세요.",
    ),
    "direct_keys": (
        "c copies the number, Esc closes.",
        "c를 누르면 번호가 복사되고, Esc로 닫습니다.",
    ),
    "copied": ("Copied {text}", "{text} 복사됨"),
    # History and detail
    "history_title": ("History", "지난 시도"),
    "search_placeholder": (
        "Search: order, case number, agent, note...",
        "검색: 주문, 접수 번호, 상담원, 메모...",
    ),
    "col_id": ("#", "#"),
    "col_started": ("Started", "시작"),
    "col_about": ("About", "내용"),
    "col_route": ("Route", "경로"),
    "col_status": ("Status", "상태"),
    "col_cases": ("Case numbers", "접수 번호"),
    "loading": ("Loading...", "불러오는 중..."),
    "rows_shown": (
        "Showing the newest {shown} of {total}. Type to search them all.",
        "{total}개 중 최근 {shown}개를 보여 줍니다. 검색하면 전체에서 찾습니다.",
    ),
    "no_attempts": ("No attempts yet.", "아직 시도가 없습니다."),
    "no_match": ("Nothing matches.", "일치하는 항목이 없습니다."),
    "skipped_records": (
        "Left out, as it cannot be read: {first} ({count} in all; `amazon-contact doctor` says more)",
        "읽을 수 없어 빼고 보여 줍니다: {first} (모두 {count}건, `amazon-contact doctor`로 자세히 확인)",
    ),
    "timeline": ("Timeline", "진행 기록"),
    "contacts": ("Contacts", "연락"),
    "notes": ("Notes", "메모"),
    "outcome": ("Outcome", "결과"),
    "started": ("Started", "시작"),
    "goal": ("Goal", "목표"),
    "order": ("Order", "주문"),
    "summary": ("What happened", "무슨 일"),
    "evidence": ("Evidence", "증거"),
    "route_label": ("Route", "경로"),
    "website": ("Website", "웹사이트"),
    "direct": ("Direct call", "직접 전화"),
    "reached": ("reached a person", "사람과 연결됨"),
    "not_reached": ("no one answered", "연결 안 됨"),
    "supervisor": ("supervisor", "상급자"),
    "promised": ("promised", "약속"),
    "by": ("by", "기한"),
    "none": ("none", "없음"),
    "began": ("Attempt started", "시도 시작"),
    "continues": ("Continues attempt #{id}", "시도 #{id}에서 이어짐"),
    "unknown_attempt": ("No attempt with id {id}.", "id가 {id}인 시도가 없습니다."),
    # Faults
    "read_only": (
        "Another amazon-contact window is using this data file. This one is read-only: you can look, not change.",
        "다른 amazon-contact 창이 이 데이터 파일을 쓰고 있습니다. 이 창은 읽기 전용이라 볼 수만 있습니다.",
    ),
    "read_only_short": ("read-only", "읽기 전용"),
    "read_only_line": (
        "Read-only: another amazon-contact window is using this data file. This one can change things once it closes.",
        "읽기 전용: 다른 amazon-contact 창이 이 데이터 파일을 쓰고 있습니다. 그 창이 닫히면 이 창에서 바꿀 수 있습니다.",
    ),
    "writable_now": (
        "The other window has closed: this one can now change things.",
        "다른 창이 닫혔습니다. 이제 이 창에서 바꿀 수 있습니다.",
    ),
    "read_only_cannot_lock": (
        "This data file cannot be locked for writing ({reason}); the folder may be read-only. This window is read-only: you can look, not change.",
        "이 데이터 파일을 쓰기 위해 잠글 수 없습니다({reason}). 폴더가 읽기 전용일 수 있습니다. 이 창은 읽기 전용이라 볼 수만 있습니다.",
    ),
    "read_only_cannot_lock_line": (
        "Read-only: the data file cannot be locked for writing ({reason}).",
        "읽기 전용: 데이터 파일을 쓰기 위해 잠글 수 없습니다({reason}).",
    ),
    "read_only_damaged": (
        "The data file holds a record this version cannot read, so it opens read-only and nothing in it is lost: {damage}. `amazon-contact doctor` says more.",
        "데이터 파일에 이 버전이 읽을 수 없는 기록이 있어, 아무것도 잃지 않도록 읽기 전용으로 엽니다: {damage}. `amazon-contact doctor`로 자세히 확인하세요.",
    ),
    "read_only_damaged_line": (
        "Read-only: the data file holds a record this version cannot read (see `amazon-contact doctor`).",
        "읽기 전용: 데이터 파일에 이 버전이 읽을 수 없는 기록이 있습니다(`amazon-contact doctor`로 확인).",
    ),
    "writable_again": (
        "The data file can be written now: this window can change things.",
        "이제 데이터 파일에 쓸 수 있습니다. 이 창에서 바꿀 수 있습니다.",
    ),
    "unsaved": ("NOT SAVED YET - retrying", "아직 저장 안 됨 - 다시 시도 중"),
    "saved_now": ("Saved now.", "이제 저장되었습니다."),
    "date_too_far": (
        "That date is too far ahead to be a promise (no calendar can hold it).",
        "약속한 날짜로 보기에는 너무 먼 날짜입니다(달력에 넣을 수 없습니다).",
    ),
    "text_cut": (
        "… ({more} more characters; `amazon-contact show {id}` prints it whole)",
        "… (나머지 {more}자는 `amazon-contact show {id}`로 모두 볼 수 있습니다)",
    ),
    "unsent_offered": (
        "What you typed last time but did not confirm is back in its box ({fields}): Enter keeps it.",
        "지난번에 입력하고 확정하지 않은 내용을 칸에 다시 넣었습니다({fields}). Enter를 누르면 기록됩니다.",
    ),
    "leave_unsaved": (
        "The last change is not saved yet (it is being retried). Press again to leave anyway and lose it.",
        "마지막 변경이 아직 저장되지 않았습니다(다시 시도 중). 그래도 나가려면 한 번 더 누르세요. 그 변경은 사라집니다.",
    ),
    # Sizes
    "too_small": (
        "Make the window larger (at least {w} x {h}).",
        "창을 더 크게 해 주세요 (최소 {w} x {h}).",
    ),
}


def t(key: str, lang: str, **values: object) -> str:
    english, korean = STRINGS[key]
    text = korean if lang == "ko" else english
    return text.format(**values) if values else text


def language_from_environment() -> str:
    """``ko`` when the locale is Korean, else ``en``."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    code = (locale.getlocale()[0] or "").lower()
    return "ko" if code.startswith("ko") else "en"

# Boothboard's own words in English: the fallback for every other language.
# Message ids are the same in every catalogue; tests/i18n.rs checks ids and variables.

cards-count = { $count ->
    [one] 1 card
   *[other] { $count } cards
}

# Shared
done = Done

# The themes panel
themes-heading = Themes
themes-subtitle = The questions you came to answer.
themes-add = Add theme
themes-and-more = …and { $count } more
themes-and-more-hover = Show only the cards that tick this theme
themes-show-only = Show only these
themes-edit = Edit
themes-edit-hover = Rename “{ $theme }” or change its question
themes-name = Theme name
themes-not-renamed = Not renamed: { $reason }.
themes-question = Question
themes-question-hint = Has the developer story got better?
themes-delete = Delete theme…

# The card editor
card-heading = Card
card-close = Close
card-close-hover = Close the card editor
card-delete = Delete card…
card-copy-markdown = Copy as Markdown
card-copy-markdown-hover = Put this card's Markdown on the clipboard, as an export writes it
card-title = Title
card-title-hint = Project name
card-summary = Summary
card-summary-hint = One line: what is it?
card-no-themes = The board has no themes yet; add them in the themes panel.
card-notes-merged = Merged from two copies that both changed the same lines of these notes: both versions are kept, one after the other. Keep what you want, then mark them as checked.
card-notes-version-one = One copy's version:
card-notes-version-other = The other copy's version:
card-notes-version-blank = (an empty line)
card-mark-checked = Mark as checked
card-column = Column
card-links = Links
card-link-label = Link { $number } label
card-link-label-hint = Label
card-link-remove = Remove
card-link-remove-hover = Remove link { $number }
card-link-open = Open
card-link-refused = Link { $number } not saved: { $reason }.
card-link-add = Add link
card-link-address = Link { $number } address
card-images = Images
card-images-add = Add images…
card-images-add-hover = Pick image files to attach to this card
card-images-add-no-dialog = No file dialog can open here: drag images from the file manager onto the card, or paste one with Ctrl+V.
card-images-drop-hint = Drop screenshots here, or paste one with Ctrl+V.
card-image-down = Move down
card-image-up = Move up
card-image-make-cover = Make cover
card-image-make-cover-hover = Show this image on the card on the board
card-image-cover = Cover:
cancel = Cancel
try-again = Try again

# Asking before throwing work away
# $images: how many images the card shows (undo brings them back).
confirm-delete-card = Delete the card “{ $title }” with its notes, links and { $images ->
    [0] no images
    [one] 1 image
   *[other] { $images } images
}?
confirm-delete-card-button = Delete card
confirm-delete-column = { $count ->
    [0] Delete the empty column “{ $name }”?
    [one] Delete the column “{ $name }” and the card in it?
   *[other] Delete the column “{ $name }” and the { $count } cards in it?
}
confirm-delete-column-button = Delete column
confirm-delete-theme = { $count ->
    [one] Delete the theme “{ $name }”? It is ticked on 1 card.
   *[other] Delete the theme “{ $name }”? It is ticked on { $count } cards.
}
confirm-delete-theme-button = Delete theme

# The bars at the top and bottom of the window
message-dismiss = Dismiss
quit-anyway-question = Quit now and lose the unsaved changes?
quit-anyway = Quit without saving
read-only-banner = Read only, nothing can be changed in this window: { $reason }.
read-only-try-again-hover = { $reason }

    Reads the board again and saves from here if nothing else holds it.
outside-change-banner = Another program changed { $file }, and its version can't be merged with yours: { $reason }. Boothboard stopped saving so as not to overwrite it.
outside-change-try-again-hover = Read the file again and merge it with your version, once it is repaired or the other program has finished writing it.
outside-change-keep-mine = Keep mine
outside-change-keep-mine-hover = Save your version. Theirs is kept in a copy beside it.

# Offering back the board a crashed window kept
recovery-crash-report = {" "}The crash report is { $report }.
recovery-banner = Boothboard closed unexpectedly with this board open, and kept the board as it was in { $file }; it differs from the saved board.{ $report }
recovery-restore = Restore it
recovery-restore-hover = Show the board as it was before the crash and save it. The version saved now becomes the backup, { $board }.bak, and { $file } is kept as { $stem }-TIME.json.
recovery-damaged = Boothboard closed unexpectedly with this board open, but the board it kept in { $file } can't be read, so it was not loaded: { $error }.{ $report }
recovery-keep-saved = Keep the saved board
recovery-keep-saved-hover = Leave the board as saved. { $file } is kept, unused, as { $stem }-TIME.json.

# The screen of a board that can't be opened
load-failure-heading = This board can't be opened
load-failure-untouched = Boothboard has not changed { $file }.
load-failure-restore-backup = Restore from backup
load-failure-restore-backup-hover = Keep the damaged file under a new name and continue from the last good save
load-failure-restore-copy = Restore { $file }
load-failure-restore-copy-hover = Keep the damaged file under a new name and continue from this version, kept when another program changed the board
load-failure-open-another = Open another board…
load-failure-new-board = New board…

# The export bar
export-running = Exporting…
export-running-images = Exporting… { $copied } of { $total } images
export-done = Exported { $file }
export-open-folder = Open folder
export-copied = Copied “{ $title }” as Markdown.

# The Edit menu
edit-menu = Edit
edit-undo = Undo
edit-redo = Redo
# $step says what the step does, e.g. "delete card “TiDB”".
edit-undo-step = Undo { $step }
edit-redo-step = Redo { $step }
edit-search = Search cards
edit-new-card = New card
edit-delete-card = Delete card
edit-shortcuts = Keyboard shortcuts

# Search
search-no-match = No cards match
search-matches = { $count ->
    [one] 1 card matches
   *[other] { $count } cards match
}
search-label = Search
search-hint = Search cards

# The image viewer
viewer-previous = Previous
viewer-next = Next
viewer-position = { $number } of { $count }
viewer-remove = Remove from card
viewer-remove-hover = Take this image off the card (its file stays in the board's media folder)
viewer-open-system = Open in system viewer
viewer-caption = Caption
viewer-caption-field = Image caption
viewer-caption-hint = What the image shows
viewer-fit = Fit
viewer-fit-hover = Fit to the window, never past 100% (0)
viewer-zoom-in-hover = Zoom in (+ or mouse wheel)
viewer-zoom-out-hover = Zoom out (- or mouse wheel)
viewer-pixels = { $width } × { $height } pixels

# Pictures and what stands in for them
thumbnail-view = View { $text }
thumbnail-loading = Loading { $caption }…
thumbnail-missing = Image missing: { $caption }
thumbnail-waiting-for-sync = Waiting for sync: { $caption }
thumbnail-failed = Can't show { $caption }
thumbnail-untrusted = Image changed outside Boothboard: { $caption }

# The board and its columns
board-filtered = Showing the cards that tick “{ $theme }”.
board-show-all = Show all cards
board-no-columns = This board has no columns yet.
board-add-column = Add column
board-first-column-name = Projects
board-add-card = Add card
board-add-card-hover = Add a card to “{ $column }”
column-name = Column name
column-untitled = Untitled column
# A column's count with a theme filter on: the cards that show, of all of them.
column-count-filtered = { $shown } of { $total }
column-rename = Rename column
column-move-left = Move left
column-move-right = Move right
column-delete = Delete column…
column-menu-hover = Column “{ $column }”

# A card on the board
card-untitled = Untitled card
card-extras-check-notes = merged — check the notes
card-extras-links = { $count ->
    [one] 1 link
   *[other] { $count } links
}
card-extras-images = { $count } images
card-extras-tasks = { $done }/{ $total } done

# The top bar
board-menu = Board
board-menu-new = New board…
board-menu-open = Open board…
board-menu-import = Import…
board-menu-export = Export…
board-menu-quit = Quit
board-title = Board title
board-adding-images = { $count ->
    [one] Adding an image…
   *[other] Adding { $count } images…
}
save-saved = All changes saved
save-saving = Saving…
save-failed = Not saved, retrying
save-failed-hover = { $reason }

    Your changes are kept and saved as soon as the file can be written.
save-changed-outside = Changed outside, not saved
save-changed-outside-hover = Another program changed the board file. Choose in the bar above whose version to keep.
save-read-only = Read only
save-read-only-hover = Another Boothboard writes this board; this window saves nothing.

# The keyboard shortcut overview (F1)
shortcut-either = { $first } or { $second }
shortcut-clear-search = Clear the search
shortcut-select-card = Select a card
shortcut-arrow-keys = Arrow keys
shortcut-open-card = Open the selected card
shortcut-edit-notes = Edit the notes (Tab to them first)
shortcut-notes-rendered = Show the notes rendered again
shortcut-delete-cards = Delete the selected cards
shortcut-new-card = New card in the selected card's column
shortcut-this-overview = This overview
shortcut-when = Arrows, Enter and Delete act on cards while no text field has the cursor.

# The export dialog
export-heading = Export
export-whole-board = The whole board ({ $count ->
    [one] 1 card
   *[other] { $count } cards
})
export-selected-none = The selected card (click a card first)
export-selected-one = The selected card: { $title }
export-selected-many = The { $count } selected cards
export-allow-html = Keep raw HTML in notes (<details>, <kbd> …)
export-allow-html-hover = Off: HTML in notes shows as text, so a <script> from a teammate's or an imported note never runs on your site. On: it goes into the Markdown as written.
export-folder = Into the folder:
export-folder-full-path = Type the folder's full path, starting with / or ~/.
export-writes = Writes the file of the chosen format, and a .media folder with the images it shows, into that folder (made if need be). An earlier export of this board there is replaced.
export-button = Export
export-choose-folder = Choose folder…
export-choose-folder-no-dialog = No file dialog can open here (it needs an XDG desktop portal or zenity): type the folder's path above.
export-format = Format:
export-format-markdown = NAME.md: blog-ready Markdown.
export-format-kanban = NAME.kanban.md: a board the Obsidian Kanban plugin opens.
export-format-canvas = NAME.canvas: JSON Canvas; Obsidian finds its images when it is exported into the vault's top folder.
export-one-theme-none = One theme (the board has none)
export-one-theme = One theme:
export-theme-cards = { $theme } ({ $count ->
    [one] 1 card
   *[other] { $count } cards
})

# Open board
open-heading = Open board
open-recent = Opened lately
open-in-folder = In { $folder }
open-path = Path of a board (a name alone means the Boothboard folder):
open-path-creates = A board that does not exist yet is created there.
open-button = Open
open-another-file = Open another file…
open-another-file-no-dialog = No file dialog can open here: it needs an XDG desktop portal or zenity. Type or paste the board's path instead.
open-now = Open now
open-folder-open-now = { $folder } (open now)

# Notes in the card editor
notes-heading = Notes
notes-done-hover = Show the notes rendered
notes-edit = Edit notes
notes-edit-hover = Edit the notes as Markdown text
notes-empty = No notes yet: click to write some (Markdown).
notes-hint = What you saw and heard (Markdown)
notes-click-to-edit = Click to edit
notes-rendered = Rendered notes

# Dragging files in
drop-one-image = Drop the image on a card to attach it,
    or on a column to make a card of it.
drop-images = Drop the { $count } images on a card to attach them,
    or on a column to make a card of each.

# Other programs' changes, merged
list-separator = ;{" "}
watch-stopped = { $error }. Changes other programs make to the board are merged when Boothboard next saves.
merged-board-file = changes another program saved to { $file }
merged-conflict-copy = the conflict copy { $file }
merged = Merged { $what }.
merged-with-details = Merged { $what }: { $details }.
merged-cards-added = { $count ->
    [one] 1 card added
   *[other] { $count } cards added
}
merged-kept-after-deletion = { $count ->
    [one] 1 card you deleted was kept: it was changed on the other copy
   *[other] { $count } cards you deleted were kept: they were changed on the other copy
}
merged-images-copied = { $count ->
    [one] 1 image copied
   *[other] { $count } images copied
}
merged-cards-removed-kept = { $count ->
    [one] 1 card deleted on the other copy was removed; the board before the merge is kept as { $copy }
   *[other] { $count } cards deleted on the other copy were removed; the board before the merge is kept as { $copy }
}
merged-cards-removed = { $count ->
    [one] 1 card deleted on the other copy was removed (Undo brings it back)
   *[other] { $count } cards deleted on the other copy were removed (Undo brings them back)
}
merged-notes-to-check = { $count ->
    [one] 1 card has notes to check (marked “merged — check the notes”)
   *[other] { $count } cards have notes to check (marked “merged — check the notes”)
}
merge-copy-refused = Not merged: { $reason }. The copy is left where it is; repair or delete it.

# What the window says when a command can't be done
read-only-not-changed = Not changed: this window is read only. The bar at the top says why; Try again there once that is fixed.
link-cant-open = Can't open { $url }: { $error }
link-not-opened = Link not opened: { $reason }.
images-read-only = The images were not added because this board is read only: { $reason }
viewer-not-opened = Not opened in the system viewer: { $reason }.
viewer-still-checking = { $file } is still being checked; open it again once it shows.
viewer-cant-open = Can't open { $file } in the system viewer: { $error }
folder-cant-open = Can't open { $folder }: { $error }
undo-step-dropped = That step can't be undone or redone ({ $error }); it was dropped and the board is as it was.
keep-mine-saved = Your version is saved. The other program's version is kept in { $file }.
picked-board-closed = Nothing was done with what you picked: { $board } is no longer open. Open it and try again.

# Changes not on disk
quit-unsaved = Your last changes are not saved: { $reason }. { $advice }.
switch-unsaved = { $board } was not opened: the last changes to this board are not saved ({ $reason }). { $advice }.
unsaved-changed-outside = another program changed the board file
unsaved-too-slow = the save did not finish in time
unsaved-advice-changed-outside = Choose Keep mine above, or repair the file and choose Try again
unsaved-advice-retrying = Free some space or fix the permissions of the board file or its folder; Boothboard keeps retrying

# The system's file dialogs, and work done in the background
dialog-open-board = Open board
dialog-new-board = New board
dialog-board-filter = Boothboard board
dialog-import = Import a board from Trello, Obsidian Kanban or Markdown
dialog-import-filter = Trello JSON, Obsidian Kanban or Markdown
dialog-all-files = All files
dialog-images-filter = Images
dialog-add-images = Add images
dialog-export-folder = Export into a folder
dialog-inbox-folder = The folder to watch for screenshots
no-dialog = No file dialog can open here: it needs an XDG desktop portal or zenity. { $instead }
no-dialog-export-instead = Type the folder's path in the export dialog instead, or export from the command line: `boothboard export BOARD --out FOLDER`
no-dialog-import-instead = Import from the command line instead: `boothboard import FILE --out BOARD`, then open BOARD.
not-reloaded = Not reloaded: { $error }
merged-not-filed-away = Merged, but not moved into { $folder }: { $copies }. Move or delete it yourself; merging it again changes nothing.
task-cant-start = Can't start { $task }: { $error }
imported = Imported { $file } ({ $format }): { $summary }. The board is saved as { $board }.
not-imported = Not imported: { $error }.

## The View menu

view-menu = View
view-language = Language
view-themes-panel = Themes panel
# The system's language, in its own words.
view-language-system = Same as the system ({ $language })

## Undo steps, as "Undo …" and "Redo …" name them in the Edit menu

theme-untitled = Untitled theme
theme-untitled-numbered = Untitled theme { $number }
step-edit-board-title = edit board title
step-add-column = add column
step-add-card = add card
step-add-theme = add theme
step-change-several = change several things
step-change-nothing = change nothing
step-edit-card-title = edit title of “{ $card }”
step-edit-summary = edit summary of “{ $card }”
step-edit-notes = edit notes of “{ $card }”
step-tick-note-task = tick task in notes of “{ $card }”
step-clear-notes-check = mark notes of “{ $card }” as checked
step-add-link = add link to “{ $card }”
step-edit-link = edit link on “{ $card }”
step-remove-link = remove link from “{ $card }”
step-move-card = move card “{ $card }”
step-delete-card = delete card “{ $card }”
step-add-images = add images to “{ $card }”
step-move-image = move image on “{ $card }”
step-remove-image = remove image from “{ $card }”
step-edit-caption = edit caption on “{ $card }”
step-rename-column = rename column “{ $column }”
step-delete-column = delete column “{ $column }”
step-move-column = move column “{ $column }”
step-add-image-cards = add image cards to “{ $column }”
step-rename-theme = rename theme “{ $theme }”
step-edit-question = edit question of “{ $theme }”
step-delete-theme = delete theme “{ $theme }”
step-tick-theme = tick “{ $theme }” on “{ $card }”
step-untick-theme = untick “{ $theme }” on “{ $card }”
step-delete-cards = delete { $count } cards
step-merge-removal = { $count ->
    [one] merge that removed 1 card
   *[other] merge that removed { $count } cards
}
# $step is one of the labels above.
step-and-more = { $step } and { $more ->
    [one] 1 more change
   *[other] { $more } more changes
}

## What the system said about a file (other answers are shown in the system's own words)

io-not-found = there is no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the file system is read only
io-not-a-folder = it is not a folder
io-is-a-folder = it is a folder, not a file

## Why a board file can't be opened or saved

load-error-read = { $path }: can't read the file: { $error }
load-error-too-large = { $path }: the file is { $bytes } bytes, more than a board file can be
# $message is what the JSON parser said.
load-error-syntax = { $path }: line { $line }, column { $column }: the file is damaged: { $message }
load-error-not-a-board = { $path }: this is not a Boothboard board (its "format" is not "{ $format }")
load-error-newer-version = { $path }: the board is version { $found }, newer than this Boothboard understands (version { $version }); update Boothboard to open it
load-error-invalid = { $path }: line { $line }, column { $column }: { $message }
load-error-inconsistent = { $path }: { $problems }
save-error-write = { $path }: can't save the board: { $error }
save-error-encode = { $path }: can't save the board: it could not be written as JSON ({ $error })
save-error-changed-outside = { $path }: another program changed the file since Boothboard read it; not saved, so as not to overwrite it
save-error-read-only-file = { $path }: can't save the board: the file is read only (its permissions allow no writing); make it writable to save it
lock-error-busy = { $path }: the board is open in another Boothboard, and only one may write it; close that one first
lock-error-io = { $path }: can't lock the board for writing: { $error }

## Edits that can't be made; $id is the number a board gives a card, column or theme

edit-error-no-card = there is no card { $id } on this board
edit-error-no-column = there is no column { $id } on this board
edit-error-no-theme = there is no theme { $id } on this board
edit-error-no-image = card { $id } has no image number { $number }
edit-error-no-task = card { $id } has no task on line { $line } of its notes
edit-error-theme-name-taken = another theme is already named “{ $name }”; choose another name
link-refused-empty = the link has no address
# $url is quoted.
link-refused-scheme = only http, https and mailto links open; { $url } is not one
bad-media-name = image path { $name } is not a plain file name inside the media folder
bad-order-key = { $key } is not an order key (base-62 digits, not ending in 0)

## Images that can't be taken in or shown

media-folder-is-link = { $folder }: the media folder is a link to { $target }; Boothboard reads no images through it. Replace the link with a real folder holding the images
media-folder-not-a-folder = { $folder }: not a folder; a board's images are kept in a folder of that name
media-missing = { $path }: the image file is missing
media-link = { $path }: a link to { $target }, not an image file; Boothboard doesn't follow links in a media folder
# $kind is one of the file-kind messages below.
media-not-regular = { $path }: { $kind }, not an image file
media-foreign-name = { $path }: not a name Boothboard gives an image (content hash and image extension); the file was put there outside Boothboard
media-changed = { $path }: the content does not match its name; the image was changed outside Boothboard
media-too-large = { $path }: larger than { $mib } MiB, the largest image Boothboard takes
media-read = { $path }: can't read the image: { $error }
file-kind-folder = a folder
file-kind-link = a link
file-kind-named-pipe = a named pipe
file-kind-socket = a socket
file-kind-device = a device
file-kind-file = a file
file-kind-special = a special file
image-error-read = { $path }: can't read the file: { $error }
image-error-not-an-image = { $name }: not an image Boothboard can show (PNG, JPEG, GIF, WebP or BMP)
image-error-file-too-large = { $name }: the file is { $mib } MiB; the limit is { $limit } MiB
image-error-too-many-pixels = { $name }: { $width } × { $height } pixels is over the limit of { $limit } megapixels
# $message is what the decoder said.
image-error-damaged = { $name }: the image is damaged and can't be decoded: { $message }
image-error-write = { $path }: can't store the image: { $error }

## Exports that can't be made

export-error-no-file-name = { $path }: not a board file name
export-error-no-cards = none of the cards to export are on the board
# $card is the card's title, quoted.
export-error-missing-image = card { $card } shows { $file }, which is missing from { $folder }; put the file back or remove the image from the card
# $problem is one of the media messages above.
export-error-media-folder = { $problem }; nothing was written
# $images lists them, one export-refused-image a line.
export-error-refused-images = { $count ->
    [one] an image of this board is not
   *[other] { $count } images of this board are not
} what Boothboard stored, so nothing was written; `boothboard check --fix-media BOARD` moves them aside:
    { $images }
export-refused-image = card { $card }: { $problem }
export-error-board-media-in-the-way = { $folder }: this is the media folder of the board { $board }; choose another folder for the export
export-error-copy = { $path }: can't copy the image: { $error }
export-error-write = { $path }: can't write the export: { $error }

## Files that can't be imported

import-error-read = { $path }: can't read the file: { $error }
import-error-not-a-file = { $path }: not a file; choose a Trello export, an Obsidian Kanban board or a Boothboard Markdown export
import-error-too-large = { $path }: larger than { $mib } MiB, the largest file Boothboard imports
import-error-not-text = { $path }: not a text file (it is not UTF-8); Boothboard imports Trello JSON and Markdown
import-error-unknown = { $path }: not a board Boothboard can import; it knows Trello board exports (JSON), Obsidian Kanban boards (Markdown) and Boothboard's own Markdown exports
import-error-board-file = { $path }: already a Boothboard board; open it (Board → Open board…, or boothboard PATH) rather than import it
# $format is one of the import-format messages.
import-error-damaged = { $path }: a { $format } that can't be read: { $problem }
import-error-image = { $path }: the image { $image } can't be imported: { $problem }
import-error-build = { $path }: can't make the board: { $error }
import-format-trello = Trello board export
import-format-obsidian-kanban = Obsidian Kanban board
import-format-boothboard-markdown = Boothboard Markdown export
json-cut-off = the file ends too soon, at line { $line }, column { $column }: it was cut off
json-too-deep = nested more than { $depth } levels deep at line { $line }; a Trello export is a few levels deep
# $cause is what the JSON parser said.
json-not-json = not valid JSON at line { $line }, column { $column }: { $cause }
json-wrong-shape = not the shape of a Trello export at line { $line }, column { $column }: { $cause }
open-error-exists = { $path }: a file is already there; choose another name

## Exports, copies and images being taken in

export-still-running = An export is still running; try again when it has finished.
export-cant-start = Can't start the export: { $error }
# $error is one of the export-error messages.
export-failed = Markdown not exported: { $error }.
export-stopped = The export stopped before it finished; nothing was replaced. Try the export again.
copy-failed = Not copied: { $error }.
copy-cant-start = Not copied: can't start making the Markdown: { $error }.
copy-not-made = Not copied: the Markdown of “{ $title }” could not be made. Try again, or export the card from the Board menu.
# The caption of an image pasted from the clipboard (kept in the board).
image-pasted-caption = Pasted image
images-board-closed = The images were not added: their board was closed before they were ready. Open it and add them again.
# $reasons lists each refused file and why, separated by semicolons.
images-not-added = Not added: { $reasons }.
recovery-not-moved = Nothing was changed: { $file } could not be moved aside ({ $error }). Check that the board's folder can be written to, and try again.

## An export's own words (the cards' content is never translated)

export-untitled-board = Untitled board
export-themes = Themes
export-untitled = Untitled column
export-no-card-ticks-theme = No card ticks this theme yet.
export-untitled-card = Untitled card
export-untitled-theme = Untitled theme
# The alt text of an image with no caption on a card with no title.
export-image = Image

# The screenshot inbox (issue 17)
board-menu-inbox = Watch a folder for screenshots…
inbox-heading = Watch a folder for screenshots
inbox-explanation = Each new screenshot or photo in this folder becomes a card in the Inbox column, titled from its time. Only complete images are taken, each once; hidden and temporary files are left alone.
inbox-folder = Folder
inbox-folder-full-path = Type the folder's full path (or one starting with ~/).
inbox-choose = Choose…
inbox-attach = Attach to the selected card
inbox-attach-hover = New images go onto the card selected when they arrive, rather than onto a new card each. With no card selected, they become new cards.
inbox-watch = Watch this folder
inbox-stop = Stop watching
inbox-indicator = Inbox: { $folder }
inbox-indicator-hover = New images in { $folder } come onto this board. Click to change or stop.
inbox-indicator-missing = Inbox folder missing: { $folder }
inbox-indicator-missing-hover = { $error }. Watching resumes when the folder is back. Click to change or stop.
inbox-offer = { $count ->
    [one] 1 image was already in { $folder } and was left there.
   *[other] { $count } images were already in { $folder } and were left there.
}
inbox-offer-import = { $count ->
    [one] Import the 1 image already there
   *[other] Import the { $count } images already there
}
inbox-offer-leave = Leave them
inbox-cant-start = Can't watch the folder: { $error }
inbox-not-added = Not added from the inbox folder: { $reason }.
inbox-folder-missing = { $error }. Watching resumes by itself when the folder is back.
inbox-folder-not-there = { $folder }: the folder is not there
inbox-folder-cant-watch = { $folder }: can't watch it: { $error }
inbox-folder-back = { $folder } is back; new images in it come onto the board again.
inbox-column-name = Inbox
inbox-card-title = Screenshot { $time }

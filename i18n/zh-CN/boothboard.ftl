# Boothboard 的界面文字（简体中文）。每条消息的 id 与英文目录相同；tests/i18n.rs 会检查。

cards-count = { $count } 张卡片

# 通用
done = 完成

# 主题面板
themes-heading = 主题
themes-subtitle = 你来展会想要回答的问题。
themes-add = 添加主题
themes-and-more = …还有 { $count } 张
themes-and-more-hover = 只显示勾选了这个主题的卡片
themes-show-only = 只显示这些
themes-edit = 编辑
themes-edit-hover = 重命名“{ $theme }”或修改它的问题
themes-name = 主题名称
themes-not-renamed = 未重命名：{ $reason }。
themes-question = 问题
themes-question-hint = 开发者体验变好了吗？
themes-delete = 删除主题…

# 卡片编辑器
card-heading = 卡片
card-close = 关闭
card-close-hover = 关闭卡片编辑器
card-delete = 删除卡片…
card-copy-markdown = 复制为 Markdown
card-copy-markdown-hover = 把这张卡片的 Markdown 放到剪贴板，与导出时写出的相同
card-title = 标题
card-title-hint = 项目名称
card-summary = 摘要
card-summary-hint = 一句话：它是什么？
card-no-themes = 这个看板还没有主题；请在主题面板中添加。
card-notes-merged = 由两份都修改了这些笔记同一行的副本合并而来：两个版本都保留了，一前一后。留下想要的内容后，请标为已检查。
card-notes-version-one = 一份副本的版本：
card-notes-version-other = 另一份副本的版本：
card-notes-version-blank = （空行）
card-mark-checked = 标记为已检查
card-column = 列
card-links = 链接
card-link-label = 链接 { $number } 的名称
card-link-label-hint = 名称
card-link-remove = 移除
card-link-remove-hover = 移除链接 { $number }
card-link-open = 打开
card-link-refused = 链接 { $number } 未保存：{ $reason }。
card-link-add = 添加链接
card-link-address = 链接 { $number } 的地址
card-images = 图片
card-images-add = 添加图片…
card-images-add-hover = 选择要附加到这张卡片的图片文件
card-images-add-no-dialog = 这里无法打开文件对话框：请从文件管理器把图片拖到卡片上，或用 Ctrl+V 粘贴。
card-images-drop-hint = 把截图拖到这里，或用 Ctrl+V 粘贴。
card-image-down = 下移
card-image-up = 上移
card-image-make-cover = 设为封面
card-image-make-cover-hover = 在看板的卡片上显示这张图片
card-image-cover = 封面：
cancel = 取消
try-again = 重试

# 丢弃内容前的确认
confirm-delete-card = { $images ->
    [0] 删除卡片“{ $title }”及其笔记和链接？
   *[other] 删除卡片“{ $title }”及其笔记、链接和 { $images } 张图片？
}
confirm-delete-card-button = 删除卡片
confirm-delete-column = { $count ->
    [0] 删除空列“{ $name }”？
   *[other] 删除列“{ $name }”及其中的 { $count } 张卡片？
}
confirm-delete-column-button = 删除列
confirm-delete-theme = 删除主题“{ $name }”？有 { $count } 张卡片勾选了它。
confirm-delete-theme-button = 删除主题

# 窗口顶部和底部的提示栏
message-dismiss = 关闭
quit-anyway-question = 现在退出并丢失未保存的更改？
quit-anyway = 不保存就退出
read-only-banner = 只读，这个窗口中不能做任何更改：{ $reason }。
read-only-try-again-hover = { $reason }

    重新读取看板；如果没有其他程序占用，就从这里保存。
outside-change-banner = 另一个程序修改了 { $file }，它的版本无法与你的版本合并：{ $reason }。Boothboard 已停止保存，以免覆盖它。
outside-change-try-again-hover = 在文件修复好、或另一个程序写完之后，重新读取文件并与你的版本合并。
outside-change-keep-mine = 保留我的
outside-change-keep-mine-hover = 保存你的版本。他们的版本会作为副本保存在旁边。

# 重新提供崩溃窗口保留的看板
recovery-crash-report = 崩溃报告在 { $report }。
recovery-banner = Boothboard 在打开这个看板时意外关闭，已把当时的看板保存在 { $file } 中；它与已保存的看板不同。{ $report }
recovery-restore = 恢复它
recovery-restore-hover = 显示崩溃前的看板并保存。现在保存的版本会成为备份 { $board }.bak，{ $file } 会保留为 { $stem }-TIME.json。
recovery-damaged = Boothboard 在打开这个看板时意外关闭，但它保存在 { $file } 中的看板无法读取，因此没有载入：{ $error }。{ $report }
recovery-keep-saved = 保留已保存的看板
recovery-keep-saved-hover = 保持看板为已保存的样子。{ $file } 会保留为 { $stem }-TIME.json，不再使用。

# 看板无法打开时的界面
load-failure-heading = 无法打开这个看板
load-failure-untouched = Boothboard 没有改动 { $file }。
load-failure-restore-backup = 从备份恢复
load-failure-restore-backup-hover = 把损坏的文件改名保留，并从最后一次正常保存的版本继续
load-failure-restore-copy = 恢复 { $file }
load-failure-restore-copy-hover = 把损坏的文件改名保留，并从这个版本继续（它是在另一个程序修改看板时保留下来的）
load-failure-open-another = 打开其他看板…
load-failure-new-board = 新建看板…

# 导出进度栏
export-running = 正在导出…
export-running-images = 正在导出… 已复制 { $copied } / { $total } 张图片
export-done = 已导出 { $file }
export-open-folder = 打开文件夹
export-copied = 已把“{ $title }”复制为 Markdown。

# 编辑菜单
edit-menu = 编辑
edit-undo = 撤销
edit-redo = 重做
edit-undo-step = 撤销：{ $step }
edit-redo-step = 重做：{ $step }
edit-search = 搜索卡片
edit-new-card = 新建卡片
edit-delete-card = 删除卡片
edit-shortcuts = 键盘快捷键

# 搜索
search-no-match = 没有匹配的卡片
search-matches = { $count } 张卡片匹配
search-label = 搜索
search-hint = 搜索卡片

# 图片查看器
viewer-previous = 上一张
viewer-next = 下一张
viewer-position = 第 { $number } 张，共 { $count } 张
viewer-remove = 从卡片移除
viewer-remove-hover = 把这张图片从卡片上移除（文件仍保留在看板的媒体文件夹中）
viewer-open-system = 用系统查看器打开
viewer-caption = 说明
viewer-caption-field = 图片说明
viewer-caption-hint = 图片展示了什么
viewer-fit = 适应窗口
viewer-fit-hover = 适应窗口大小，最多放大到 100%（0）
viewer-zoom-in-hover = 放大（+ 或鼠标滚轮）
viewer-zoom-out-hover = 缩小（- 或鼠标滚轮）
viewer-pixels = { $width } × { $height } 像素

# 图片及其占位显示
thumbnail-view = 查看 { $text }
thumbnail-loading = 正在载入 { $caption }…
thumbnail-missing = 图片缺失：{ $caption }
thumbnail-waiting-for-sync = 等待同步：{ $caption }
thumbnail-failed = 无法显示 { $caption }
thumbnail-untrusted = 图片在 Boothboard 之外被修改：{ $caption }

# 看板及其列
board-filtered = 正在显示勾选了“{ $theme }”的卡片。
board-show-all = 显示全部卡片
board-no-columns = 这个看板还没有列。
board-add-column = 添加列
board-first-column-name = 项目
board-add-card = 添加卡片
board-add-card-hover = 向“{ $column }”添加一张卡片
column-name = 列名
column-untitled = 未命名的列
column-count-filtered = { $shown } / { $total }
column-rename = 重命名列
column-move-left = 左移
column-move-right = 右移
column-delete = 删除列…
column-menu-hover = 列“{ $column }”

# 看板上的卡片
card-untitled = 未命名的卡片
card-extras-check-notes = 已合并——请检查笔记
card-extras-links = { $count } 个链接
card-extras-images = { $count } 张图片
card-extras-tasks = 已完成 { $done }/{ $total }

# 顶栏
board-menu = 看板
board-menu-new = 新建看板…
board-menu-open = 打开看板…
board-menu-import = 导入…
board-menu-export = 导出…
board-menu-quit = 退出
board-title = 看板标题
board-adding-images = 正在添加 { $count } 张图片…
save-saved = 所有更改已保存
save-saving = 正在保存…
save-failed = 未保存，正在重试
save-failed-hover = { $reason }

    你的更改已保留，一旦文件可以写入就会保存。
save-changed-outside = 已被外部修改，未保存
save-changed-outside-hover = 另一个程序修改了看板文件。请在上方的提示栏中选择保留哪个版本。
save-read-only = 只读
save-read-only-hover = 另一个 Boothboard 正在写入这个看板；这个窗口不会保存任何内容。

# 键盘快捷键一览（F1）
shortcut-either = { $first } 或 { $second }
shortcut-clear-search = 清除搜索
shortcut-select-card = 选择卡片
shortcut-arrow-keys = 方向键
shortcut-open-card = 打开选中的卡片
shortcut-edit-notes = 编辑笔记（先用 Tab 移到笔记上）
shortcut-notes-rendered = 重新显示渲染后的笔记
shortcut-delete-cards = 删除选中的卡片
shortcut-new-card = 在选中卡片所在的列中新建卡片
shortcut-this-overview = 这个一览
shortcut-when = 当没有文本框拥有光标时，方向键、Enter 和 Delete 作用于卡片。

# 导出对话框
export-heading = 导出
export-whole-board = 整个看板（{ $count } 张卡片）
export-selected-none = 选中的卡片（请先点击一张卡片）
export-selected-one = 选中的卡片：{ $title }
export-selected-many = 选中的 { $count } 张卡片
export-allow-html = 保留笔记中的原始 HTML（<details>、<kbd> …）
export-allow-html-hover = 关闭：笔记中的 HTML 显示为文字，这样来自队友或导入的笔记中的 <script> 永远不会在你的网站上运行。打开：按原样写入 Markdown。
export-folder = 导出到文件夹：
export-folder-full-path = 请输入文件夹的完整路径，以 / 或 ~/ 开头。
export-writes = 把所选格式的文件，以及包含其中图片的 .media 文件夹，写入该文件夹（需要时会创建）。该文件夹中这个看板以前的导出会被替换。
export-button = 导出
export-choose-folder = 选择文件夹…
export-choose-folder-no-dialog = 这里无法打开文件对话框（需要 XDG 桌面门户或 zenity）：请在上方输入文件夹路径。
export-format = 格式：
export-format-markdown = NAME.md：可直接用于博客的 Markdown。
export-format-kanban = NAME.kanban.md：Obsidian Kanban 插件可以打开的看板。
export-format-canvas = NAME.canvas：JSON Canvas；导出到 Obsidian 仓库的顶层文件夹时，Obsidian 能找到其中的图片。
export-one-theme-none = 一个主题（这个看板没有主题）
export-one-theme = 一个主题：
export-theme-cards = { $theme }（{ $count } 张卡片）

# 打开看板
open-heading = 打开看板
open-recent = 最近打开
open-in-folder = 在 { $folder } 中
open-path = 看板路径（只写名称表示 Boothboard 文件夹）：
open-path-creates = 还不存在的看板会在那里创建。
open-button = 打开
open-another-file = 打开其他文件…
open-another-file-no-dialog = 这里无法打开文件对话框：需要 XDG 桌面门户或 zenity。请改为输入或粘贴看板的路径。
open-now = 当前已打开
open-folder-open-now = { $folder }（当前已打开）

# 卡片编辑器中的笔记
notes-heading = 笔记
notes-done-hover = 显示渲染后的笔记
notes-edit = 编辑笔记
notes-edit-hover = 以 Markdown 文本编辑笔记
notes-empty = 还没有笔记：点击这里开始写（Markdown）。
notes-hint = 你看到和听到的内容（Markdown）
notes-click-to-edit = 点击编辑
notes-rendered = 渲染后的笔记

# 拖入文件
drop-one-image = 把图片拖到卡片上即可附加，
    拖到列上则用它新建一张卡片。
drop-images = 把这 { $count } 张图片拖到卡片上即可附加，
    拖到列上则为每张图片新建一张卡片。

# 合并其他程序的更改
list-separator = ；
watch-stopped = { $error }。其他程序对看板的更改会在 Boothboard 下次保存时合并。
merged-board-file = 另一个程序保存到 { $file } 的更改
merged-conflict-copy = 冲突副本 { $file }
merged = 已合并{ $what }。
merged-with-details = 已合并{ $what }：{ $details }。
merged-cards-added = 新增 { $count } 张卡片
merged-kept-after-deletion = 你删除的 { $count } 张卡片被保留了：它们在另一份副本中被修改过
merged-images-copied = 复制了 { $count } 张图片
merged-cards-removed-kept = 另一份副本删除的 { $count } 张卡片已被移除；合并前的看板保存为 { $copy }
merged-cards-removed = 另一份副本删除的 { $count } 张卡片已被移除（撤销可恢复）
merged-notes-to-check = { $count } 张卡片的笔记需要检查（标记为“已合并——请检查笔记”）
merge-copy-refused = 未合并：{ $reason }。副本保留在原处；请修复或删除它。

# 无法执行操作时窗口的提示
read-only-not-changed = 未更改：这个窗口是只读的。顶部的提示栏说明了原因；问题解决后请在那里点击“重试”。
link-cant-open = 无法打开 { $url }：{ $error }
link-not-opened = 未打开链接：{ $reason }。
images-read-only = 图片未添加，因为这个看板是只读的：{ $reason }
viewer-not-opened = 未用系统查看器打开：{ $reason }。
viewer-still-checking = { $file } 仍在检查中；显示出来后请再打开一次。
viewer-cant-open = 无法用系统查看器打开 { $file }：{ $error }
folder-cant-open = 无法打开 { $folder }：{ $error }
undo-step-dropped = 这一步无法撤销或重做（{ $error }）；它已被丢弃，看板保持原样。
keep-mine-saved = 你的版本已保存。另一个程序的版本保留在 { $file }。
picked-board-closed = 未对你选择的内容做任何操作：{ $board } 已不再打开。请打开它后重试。

# 未写入磁盘的更改
quit-unsaved = 你最近的更改未保存：{ $reason }。{ $advice }。
switch-unsaved = 未打开 { $board }：这个看板最近的更改未保存（{ $reason }）。{ $advice }。
unsaved-changed-outside = 另一个程序修改了看板文件
unsaved-too-slow = 保存没有及时完成
unsaved-advice-changed-outside = 请在上方选择“保留我的”，或修复文件后选择“重试”
unsaved-advice-retrying = 请释放一些空间，或修正看板文件或其文件夹的权限；Boothboard 会一直重试

# 系统文件对话框与后台工作
dialog-open-board = 打开看板
dialog-new-board = 新建看板
dialog-board-filter = Boothboard 看板
dialog-import = 从 Trello、Obsidian Kanban 或 Markdown 导入看板
dialog-import-filter = Trello JSON、Obsidian Kanban 或 Markdown
dialog-all-files = 所有文件
dialog-images-filter = 图片
dialog-add-images = 添加图片
dialog-export-folder = 导出到文件夹
dialog-inbox-folder = 要监视截图的文件夹
no-dialog = 这里无法打开文件对话框：需要 XDG 桌面门户或 zenity。{ $instead }
no-dialog-export-instead = 请改为在导出对话框中输入文件夹路径，或在命令行中导出：`boothboard export BOARD --out FOLDER`
no-dialog-import-instead = 请改为在命令行中导入：`boothboard import FILE --out BOARD`，然后打开 BOARD。
not-reloaded = 未重新载入：{ $error }
merged-not-filed-away = 已合并，但未移入 { $folder }：{ $copies }。请自行移动或删除；再次合并不会改变任何内容。
task-cant-start = 无法启动 { $task }：{ $error }
imported = 已导入 { $file }（{ $format }）：{ $summary }。看板保存为 { $board }。
not-imported = 未导入：{ $error }。

## The View menu

view-menu = 视图
view-language = 语言
view-themes-panel = 主题面板
view-language-system = 跟随系统（{ $language }）

## Undo steps, as "Undo …" and "Redo …" name them in the Edit menu

theme-untitled = 未命名的主题
theme-untitled-numbered = 未命名的主题 { $number }
step-edit-board-title = 编辑看板标题
step-add-column = 添加列
step-add-card = 添加卡片
step-add-theme = 添加主题
step-change-several = 多处更改
step-change-nothing = 无更改
step-edit-card-title = 编辑“{ $card }”的标题
step-edit-summary = 编辑“{ $card }”的摘要
step-edit-notes = 编辑“{ $card }”的笔记
step-tick-note-task = 勾选“{ $card }”笔记中的任务
step-clear-notes-check = 将“{ $card }”的笔记标为已检查
step-add-link = 给“{ $card }”添加链接
step-edit-link = 编辑“{ $card }”的链接
step-remove-link = 移除“{ $card }”的链接
step-move-card = 移动卡片“{ $card }”
step-delete-card = 删除卡片“{ $card }”
step-add-images = 给“{ $card }”添加图片
step-move-image = 移动“{ $card }”中的图片
step-remove-image = 移除“{ $card }”中的图片
step-edit-caption = 编辑“{ $card }”的图片说明
step-rename-column = 重命名列“{ $column }”
step-delete-column = 删除列“{ $column }”
step-move-column = 移动列“{ $column }”
step-add-image-cards = 在“{ $column }”中添加图片卡片
step-rename-theme = 重命名主题“{ $theme }”
step-edit-question = 编辑主题“{ $theme }”的问题
step-delete-theme = 删除主题“{ $theme }”
step-tick-theme = 在“{ $card }”上勾选“{ $theme }”
step-untick-theme = 在“{ $card }”上取消勾选“{ $theme }”
step-delete-cards = 删除 { $count } 张卡片
step-merge-removal = 合并时删除的 { $count } 张卡片
step-and-more = { $step }及另外 { $more } 处更改

## What the system said about a file

io-not-found = 文件或文件夹不存在
io-permission-denied = 没有权限
io-already-exists = 已经存在
io-storage-full = 磁盘空间已满
io-read-only = 文件系统只读
io-not-a-folder = 不是文件夹
io-is-a-folder = 是文件夹，不是文件

## Why a board file can't be opened or saved

load-error-read = { $path }：无法读取文件：{ $error }
load-error-too-large = { $path }：文件有 { $bytes } 字节，超出了看板文件的上限
load-error-syntax = { $path }：第 { $line } 行第 { $column } 列：文件已损坏：{ $message }
load-error-not-a-board = { $path }：这不是 Boothboard 看板（它的 "format" 不是 "{ $format }"）
load-error-newer-version = { $path }：看板是第 { $found } 版，比这个 Boothboard 能读的版本（第 { $version } 版）新；请更新 Boothboard 后再打开
load-error-invalid = { $path }：第 { $line } 行第 { $column } 列：{ $message }
load-error-inconsistent = { $path }：{ $problems }
save-error-write = { $path }：无法保存看板：{ $error }
save-error-encode = { $path }：无法保存看板：无法写成 JSON（{ $error }）
save-error-changed-outside = { $path }：Boothboard 读取后，另一个程序改动了这个文件；为免覆盖它，没有保存
save-error-read-only-file = { $path }：无法保存看板：这个文件是只读的（它的权限不允许写入）；改为可写后才能保存
lock-error-busy = { $path }：看板已在另一个 Boothboard 中打开，只能由一个窗口写入；请先关闭那一个
lock-error-io = { $path }：无法锁定看板以便写入：{ $error }

## Edits that can't be made

edit-error-no-card = 看板上没有卡片 { $id }
edit-error-no-column = 看板上没有列 { $id }
edit-error-no-theme = 看板上没有主题 { $id }
edit-error-no-image = 卡片 { $id } 没有第 { $number } 张图片
edit-error-no-task = 卡片 { $id } 的笔记第 { $line } 行没有任务
edit-error-theme-name-taken = 已有另一个主题名为“{ $name }”；请换一个名称
link-refused-empty = 链接没有地址
link-refused-scheme = 只能打开 http、https 和 mailto 链接；{ $url } 不属于这几种
bad-media-name = 图片路径 { $name } 不是媒体文件夹中的普通文件名
bad-order-key = { $key } 不是排序键（应为 62 进制数字，且不以 0 结尾）

## Images that can't be taken in or shown

media-folder-is-link = { $folder }：媒体文件夹是指向 { $target } 的链接；Boothboard 不会通过它读取任何图片。请用存放图片的真实文件夹替换这个链接
media-folder-not-a-folder = { $folder }：不是文件夹；看板的图片要放在这个名称的文件夹里
media-missing = { $path }：图片文件不见了
media-link = { $path }：是指向 { $target } 的链接，不是图片文件；Boothboard 不会跟随媒体文件夹中的链接
media-not-regular = { $path }：是{ $kind }，不是图片文件
media-foreign-name = { $path }：不是 Boothboard 给图片起的名字（内容哈希加图片扩展名）；这个文件是在 Boothboard 之外放进去的
media-changed = { $path }：内容与文件名不符；图片在 Boothboard 之外被改动过
media-too-large = { $path }：大于 { $mib } MiB，超出了 Boothboard 接受的最大图片
media-read = { $path }：无法读取图片：{ $error }
file-kind-folder = 文件夹
file-kind-link = 链接
file-kind-named-pipe = 命名管道
file-kind-socket = 套接字
file-kind-device = 设备
file-kind-file = 文件
file-kind-special = 特殊文件
image-error-read = { $path }：无法读取文件：{ $error }
image-error-not-an-image = { $name }：不是 Boothboard 能显示的图片（PNG、JPEG、GIF、WebP 或 BMP）
image-error-file-too-large = { $name }：文件有 { $mib } MiB；上限是 { $limit } MiB
image-error-too-many-pixels = { $name }：{ $width } × { $height } 像素，超出了 { $limit } 百万像素的上限
image-error-damaged = { $name }：图片已损坏，无法解码：{ $message }
image-error-write = { $path }：无法保存图片：{ $error }

## Exports that can't be made

export-error-no-file-name = { $path }：不是看板文件名
export-error-no-cards = 要导出的卡片都不在看板上
export-error-missing-image = 卡片 { $card } 显示的 { $file } 不在 { $folder } 中；请把文件放回去，或从卡片上移除这张图片
export-error-media-folder = { $problem }；什么也没有写入
export-error-refused-images = 这个看板有 { $count } 张图片不是 Boothboard 存下的样子，所以什么也没有写入；`boothboard check --fix-media BOARD` 会把它们移到一边：
    { $images }
export-refused-image = 卡片 { $card }：{ $problem }
export-error-board-media-in-the-way = { $folder }：这是看板 { $board } 的媒体文件夹；请为导出另选一个文件夹
export-error-copy = { $path }：无法复制图片：{ $error }
export-error-write = { $path }：无法写入导出文件：{ $error }

## Files that can't be imported

import-error-read = { $path }：无法读取文件：{ $error }
import-error-not-a-file = { $path }：不是文件；请选择 Trello 导出文件、Obsidian Kanban 看板或 Boothboard Markdown 导出文件
import-error-too-large = { $path }：大于 { $mib } MiB，超出了 Boothboard 能导入的最大文件
import-error-not-text = { $path }：不是文本文件（不是 UTF-8）；Boothboard 导入 Trello JSON 和 Markdown
import-error-unknown = { $path }：不是 Boothboard 能导入的看板；它认识 Trello 看板导出（JSON）、Obsidian Kanban 看板（Markdown）和 Boothboard 自己的 Markdown 导出
import-error-board-file = { $path }：已经是 Boothboard 看板；请打开它（看板 → 打开看板…，或 boothboard PATH），而不是导入
import-error-damaged = { $path }：无法读取的{ $format }：{ $problem }
import-error-image = { $path }：图片 { $image } 无法导入：{ $problem }
import-error-build = { $path }：无法生成看板：{ $error }
import-format-trello = Trello 看板导出
import-format-obsidian-kanban = Obsidian Kanban 看板
import-format-boothboard-markdown = Boothboard Markdown 导出
json-cut-off = 文件结束得太早，在第 { $line } 行第 { $column } 列：文件被截断了
json-too-deep = 在第 { $line } 行嵌套超过 { $depth } 层；Trello 导出只有几层
json-not-json = 第 { $line } 行第 { $column } 列不是有效的 JSON：{ $cause }
json-wrong-shape = 第 { $line } 行第 { $column } 列不符合 Trello 导出的结构：{ $cause }
open-error-exists = { $path }：那里已经有文件；请换一个名称

## Exports, copies and images being taken in

export-still-running = 还有一个导出正在进行；请等它完成后再试。
export-cant-start = 无法开始导出：{ $error }
export-failed = 没有导出 Markdown：{ $error }。
export-stopped = 导出没有完成就停止了；没有替换任何文件。请再导出一次。
copy-failed = 没有复制：{ $error }。
copy-cant-start = 没有复制：无法开始生成 Markdown：{ $error }。
copy-not-made = 没有复制：无法生成“{ $title }”的 Markdown。请再试一次，或从“看板”菜单导出这张卡片。
image-pasted-caption = 粘贴的图片
images-board-closed = 图片没有添加：图片准备好之前，它们所属的看板已经关闭。请打开看板后重新添加。
images-not-added = 没有添加：{ $reasons }。
recovery-not-moved = 什么也没有改动：无法把 { $file } 移到一边（{ $error }）。请检查看板所在的文件夹是否可写，然后再试。

## An export's own words

export-untitled-board = 未命名的看板
export-themes = 主题
export-untitled = 未命名的列
export-no-card-ticks-theme = 还没有卡片勾选这个主题。
export-untitled-card = 未命名的卡片
export-untitled-theme = 未命名的主题
export-image = 图片

# The screenshot inbox (issue 17)
board-menu-inbox = 监视截图文件夹…
inbox-heading = 监视截图文件夹
inbox-explanation = 这个文件夹里每出现一张新的截图或照片，就会在“收件箱”列中变成一张卡片，标题取自它的时间。只收完整的图片，每张只收一次；隐藏文件和临时文件不会被收入。
inbox-folder = 文件夹
inbox-folder-full-path = 请输入文件夹的完整路径（或以 ~/ 开头的路径）。
inbox-choose = 选择…
inbox-attach = 附加到选中的卡片
inbox-attach-hover = 新图片附加到它到达时选中的卡片上，而不是各自成为一张新卡片。没有选中卡片时，它们会成为新卡片。
inbox-watch = 监视这个文件夹
inbox-stop = 停止监视
inbox-indicator = 收件箱：{ $folder }
inbox-indicator-hover = { $folder } 中的新图片会放到这个看板上。点击可更改或停止。
inbox-indicator-missing = 收件箱文件夹不见了：{ $folder }
inbox-indicator-missing-hover = { $error }。文件夹回来后会自动继续监视。点击可更改或停止。
inbox-offer = { $count ->
   *[other] { $folder } 中原有 { $count } 张图片，已留在原处。
}
inbox-offer-import = { $count ->
   *[other] 导入已有的 { $count } 张图片
}
inbox-offer-leave = 留在原处
inbox-cant-start = 无法监视这个文件夹：{ $error }
inbox-not-added = 未从收件箱文件夹添加：{ $reason }。
inbox-folder-missing = { $error }。文件夹回来后会自动继续监视。
inbox-folder-not-there = { $folder }：文件夹不在了
inbox-folder-cant-watch = { $folder }：无法监视：{ $error }
inbox-folder-back = { $folder } 回来了；其中的新图片会再次放到看板上。
inbox-column-name = 收件箱
inbox-card-title = 截图 { $time }

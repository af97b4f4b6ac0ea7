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

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

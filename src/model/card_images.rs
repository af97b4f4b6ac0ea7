//! A card's images: the first is its cover on the board.

use super::{Card, EditError, ImageRef};

impl Card {
    /// Appends images, skipping any the card already shows (the same file twice is one image).
    pub fn add_images(&mut self, images: impl IntoIterator<Item = ImageRef>) {
        for image in images {
            if !self.images.iter().any(|shown| shown.file == image.file) {
                self.images.push(image);
            }
        }
    }

    /// Moves an image to `to` (clamped to the end); moving to 0 makes it the cover.
    pub fn move_image(&mut self, from: usize, to: usize) -> Result<(), EditError> {
        if from >= self.images.len() {
            return Err(EditError::NoImage(self.id, from));
        }
        let image = self.images.remove(from);
        self.images.insert(to.min(self.images.len()), image);
        Ok(())
    }

    /// Takes an image off the card; its file stays in the media folder.
    pub fn remove_image(&mut self, index: usize) -> Result<ImageRef, EditError> {
        if index >= self.images.len() {
            return Err(EditError::NoImage(self.id, index));
        }
        Ok(self.images.remove(index))
    }

    /// Changes an image's caption.
    pub fn set_image_caption(&mut self, index: usize, caption: String) -> Result<(), EditError> {
        let image = self.images.get_mut(index).ok_or(EditError::NoImage(self.id, index))?;
        image.caption = caption;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MediaName;

    fn image(name: &str) -> ImageRef {
        ImageRef {
            file: MediaName::new(format!("{name}.png")).unwrap(),
            caption: name.to_owned(),
            width: 10,
            height: 10,
        }
    }

    fn names(card: &Card) -> Vec<&str> {
        card.images.iter().map(|image| image.caption.as_str()).collect()
    }

    #[test]
    fn the_same_file_is_added_once() {
        let mut card = Card::default();
        card.add_images([image("a"), image("b"), image("a")]);
        card.add_images([image("b")]);
        assert_eq!(names(&card), ["a", "b"]);
    }

    #[test]
    fn images_move_remove_and_get_captions_by_index() {
        let mut card = Card::default();
        card.add_images([image("a"), image("b"), image("c")]);
        card.move_image(2, 0).unwrap();
        assert_eq!(names(&card), ["c", "a", "b"]);
        card.move_image(0, 99).unwrap();
        assert_eq!(names(&card), ["a", "b", "c"]);
        assert_eq!(card.remove_image(1).unwrap().caption, "b");
        card.set_image_caption(1, "slide 3".to_owned()).unwrap();
        assert_eq!(names(&card), ["a", "slide 3"]);
        assert!(card.move_image(5, 0).is_err());
        assert!(card.remove_image(2).is_err());
        assert!(card.set_image_caption(2, String::new()).is_err());
    }
}

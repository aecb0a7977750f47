import { mergeAttributes, Node } from '@tiptap/react';

/**
 * An image in a newsletter body: `<img src alt width height>`, a block of
 * its own. Only images uploaded through the composer survive the server's
 * sanitiser, each with the alt text asked at upload (the checks refuse an
 * image without one). A dozen lines instead of @tiptap/extension-image.
 */
export const NewsletterImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, alt: { default: '' }, width: { default: null }, height: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'img[src]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['img', mergeAttributes(HTMLAttributes)];
  },
});

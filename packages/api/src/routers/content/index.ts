// Site content: the blog, testimonials and FAQs, each its own router (blog.*, testimonials.*, faqs.*).
export { blogRouter } from './blog';
export { testimonialsRouter } from './testimonials';
export { faqsRouter } from './faqs';

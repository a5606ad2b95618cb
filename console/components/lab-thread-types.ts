/** The comment threads as the labs' API shows them. */
export interface LabCommentView {
  id: string;
  section: string | null;
  parentId: string | null;
  body: string;
  author: { name: string; partnerId?: string };
  createdAt: string;
  resolved: { at: string } | null;
}

export interface CommentThreadView extends LabCommentView {
  replies: LabCommentView[];
}

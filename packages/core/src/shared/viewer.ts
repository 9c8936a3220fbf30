/** Who is asking: the signed-in user as the domain sees them (no session details). */
export interface Viewer {
  userId: string;
  role: 'student' | 'instructor' | 'admin';
}

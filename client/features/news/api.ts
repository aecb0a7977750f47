import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { featureQueries } from '../../lib/queries';
import { api, postForm } from '../../lib/api';
import type {
  NewsAgenda, NewsCategory, NewsCategoryCreateBody, NewsCategoryUpdateBody, NewsFeed, NewsPostCreateBody, NewsPostDetail, NewsPostPage,
  NewsPostState, NewsPostUpdateBody, NewsPreferences, NewsPreferencesBody, NewsPreview, NewsSearchResult,
} from './types';

/** Every news query starts with this key: one invalidation refreshes feed, posts, agenda and counters after a change. */
const ROOT = 'news';
const base = '/api/news';

const { useInvalidate: useInvalidateNews, useChange, listQuery } = featureQueries([ROOT]);

// ---------- categories ----------

export function useCategories() {
  return useQuery({
    queryKey: [ROOT, 'categories'],
    queryFn: ({ signal }) => api<{ items: NewsCategory[] }>(`${base}/categories`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCategoryMutations() {
  const invalidate = useInvalidateNews();
  const onSuccess = () => invalidate();
  return {
    create: useMutation({ mutationFn: (body: NewsCategoryCreateBody) => api<NewsCategory>(`${base}/categories`, { method: 'POST', body }), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: NewsCategoryUpdateBody }) => api<NewsCategory>(`${base}/categories/${id}`, { method: 'PATCH', body }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api<void>(`${base}/categories/${id}`, { method: 'DELETE' }), onSuccess }),
  };
}

// ---------- reading ----------

export interface FeedFilters {
  categoryId?: string;
  unreadOnly?: boolean;
  page?: number;
  pageSize?: number;
}

/** The reader's feed: their audience only, pinned first, with unread marks. */
export const useFeed = listQuery<NewsFeed, FeedFilters>('feed', `${base}/feed`, (filters) => ({ ...filters, unreadOnly: filters.unreadOnly ? true : undefined }));

export function useReadAll() {
  return useChange((categoryId?: string) => api<{ marked: number }>(`${base}/feed/read-all`, { method: 'POST', body: categoryId ? { categoryId } : {} }));
}

export function useSearch(q: string, page: number) {
  return useQuery({
    queryKey: [ROOT, 'search', q, page],
    queryFn: ({ signal }) => api<NewsSearchResult>(`${base}/search`, { signal, query: { q, page } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** One post; opening it marks it read, so the feed's unread marks are refreshed after. */
export function usePost(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [ROOT, 'post', id],
    queryFn: async ({ signal }) => {
      const post = await api<NewsPostDetail>(`${base}/posts/${id}`, { signal });
      void queryClient.invalidateQueries({ queryKey: [ROOT, 'feed'] });
      return post;
    },
    enabled: Boolean(id),
  });
}

/** The event's calendar file (text/calendar), audience checked by the server. */
export const eventIcsUrl = (postId: string) => `${base}/posts/${postId}/event.ics`;

export type AgendaQuery = { month: string } | { upcoming: true };

export const useAgenda = listQuery<NewsAgenda, AgendaQuery>('agenda', `${base}/agenda`, (query) =>
  'month' in query ? { month: query.month, limit: 200 } : { limit: 50 });

// ---------- staff: posts ----------

export interface PostsFilters {
  state?: NewsPostState;
  categoryId?: string;
  page?: number;
  pageSize?: number;
}

export const useStaffPosts = listQuery<NewsPostPage, PostsFilters>('posts', `${base}/posts`);

export function useSavePost(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewsPostCreateBody | NewsPostUpdateBody) =>
      id
        ? api<NewsPostDetail>(`${base}/posts/${id}`, { method: 'PATCH', body })
        : api<NewsPostDetail>(`${base}/posts`, { method: 'POST', body }),
    onSuccess: (post) => {
      queryClient.setQueryData([ROOT, 'post', post.id], post);
      return queryClient.invalidateQueries({ queryKey: [ROOT], predicate: (q) => q.queryKey[1] !== 'post' });
    },
  });
}

export function useDeletePost() {
  return useChange((id: string) => api<void>(`${base}/posts/${id}`, { method: 'DELETE' }));
}

/**
 * An image upload (a post's cover, a sheet's photo): `alt` first, then `file` (the server reads the text part before the file).
 */
export function uploadImage<T>(url: string, alt: string, file: File): Promise<T> {
  return postForm<T>(url, { alt }, file);
}

export const uploadCover = (postId: string, alt: string, file: File) => uploadImage<NewsPostDetail>(`${base}/posts/${postId}/cover`, alt, file);

export function useCoverMutations(postId: string | undefined) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateNews();
  return {
    upload: useMutation({
      mutationFn: ({ alt, file }: { alt: string; file: File }) => uploadCover(postId!, alt, file),
      onSuccess: (post) => {
        queryClient.setQueryData([ROOT, 'post', post.id], post);
        return invalidate();
      },
    }),
    remove: useMutation({ mutationFn: () => api<void>(`${base}/posts/${postId}/cover`, { method: 'DELETE' }), onSuccess: () => invalidate() }),
  };
}

/** « Aperçu comme partenaire »: the post as a partner of the establishment (or its audience at large) would see it. */
export function usePreview(id: string | undefined, establishmentId: string) {
  return useQuery({
    queryKey: [ROOT, 'preview', id, establishmentId],
    queryFn: ({ signal }) => api<NewsPreview>(`${base}/posts/${id}/preview`, { signal, query: { establishmentId: establishmentId || undefined } }),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

// ---------- mail preferences ----------

export function usePreferences() {
  return useQuery({ queryKey: [ROOT, 'preferences'], queryFn: ({ signal }) => api<NewsPreferences>(`${base}/preferences`, { signal }) });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewsPreferencesBody) => api<NewsPreferences>(`${base}/preferences`, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData([ROOT, 'preferences'], saved),
  });
}

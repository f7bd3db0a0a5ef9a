// Server state of the staff app lives in one TanStack Query cache (decision 0134): pages read it
// with useQuery, writes invalidate what they changed. A refused request (4xx) is not retried:
// asking again would get the same answer.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

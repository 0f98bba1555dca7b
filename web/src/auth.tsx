import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, request, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { clearReferenceCache } from './reference.ts';
import type { SessionAnswer, User } from './types.ts';

export type Deployment = SessionAnswer['deployment'];

export interface AuthContextValue {
  user: User | null;
  /** How the server is deployed, as far as staff must know (the public address in QR codes). */
  deployment: Deployment | null;
  /** True until the first /api/auth/me answer. */
  loading: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: (everywhere?: boolean) => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [deployment, setDeployment] = useState<Deployment | null>(null);
  const [loading, setLoading] = useState(true);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    let cancelled = false;
    request<SessionAnswer>('/api/auth/me', { noAuthRedirect: true })
      .then((answer) => {
        if (cancelled) return;
        setCsrfToken(answer.csrfToken);
        setDeployment(answer.deployment);
        setUser(answer.user);
      })
      .catch(() => {
        if (!cancelled) setUser(null);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Any 401 from the server: the session is gone, go to the login page and come back afterwards.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      clearReferenceCache();
      if (location.pathname !== '/login') {
        void navigate('/login', { replace: true, state: { from: `${location.pathname}${location.search}` } });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, location.pathname, location.search]);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await request<SessionAnswer>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
      noAuthRedirect: true,
    });
    clearReferenceCache();
    setCsrfToken(answer.csrfToken);
    setDeployment(answer.deployment);
    setUser(answer.user);
    return answer.user;
  }, []);

  const logout = useCallback(
    async (everywhere = false) => {
      try {
        await api.post<void>(everywhere ? '/api/auth/logout-all' : '/api/auth/logout');
      } finally {
        setCsrfToken(null);
        clearReferenceCache();
        setUser(null);
        void navigate('/login', { replace: true });
      }
    },
    [navigate],
  );

  const value = useMemo(
    () => ({ user, deployment, loading, login, logout }),
    [user, deployment, loading, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The logged-in user; only for pages under RequireAuth. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return user;
}

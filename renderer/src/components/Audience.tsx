import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react';

/** 'signedOut': set-up and the unlock screen, where the clerk's menu leads nowhere yet. */
type Audience = 'patient' | 'clerk' | 'signedOut';
const AudienceContext = createContext<{ audience: Audience; setAudience(a: Audience): void }>({ audience: 'clerk', setAudience: () => undefined });

/** Who the screen is turned to. Only the clerk's screens show the clerk's menu and data. */
export function AudienceProvider({ children }: { children: ReactNode }) {
  const [audience, setAudience] = useState<Audience>('clerk');
  return <AudienceContext.Provider value={{ audience, setAudience }}>{children}</AudienceContext.Provider>;
}

export function useAudience(): Audience {
  return useContext(AudienceContext).audience;
}

/**
 * A screen declares its audience while it is shown; leaving it turns the screen back to the clerk.
 * A layout effect, so the frame re-renders before the browser paints: the patient never sees the
 * clerk's menu for a frame.
 */
export function useTurnScreenTo(audience: Audience): void {
  const { setAudience } = useContext(AudienceContext);
  useLayoutEffect(() => {
    setAudience(audience);
    return () => setAudience('clerk');
  }, [audience, setAudience]);
}

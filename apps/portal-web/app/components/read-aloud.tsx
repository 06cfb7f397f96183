import { useEffect, useState } from 'react';
import { usePortal } from '../lib/portal-data';

/**
 * The bulletin's read-aloud: the server's MP3 in a native player (works without JavaScript),
 * or, when the issue has no audio yet, the browser's speech synthesis reading the issue's
 * read-aloud text with a Vietnamese voice when the browser has one.
 */
export function ReadAloud(props: {
  audioUrl: string | null | undefined;
  text: string | null | undefined;
  language: string | null | undefined;
  durationSeconds: number | null | undefined;
}) {
  const { t } = usePortal();
  const [canSpeak, setCanSpeak] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    setCanSpeak(typeof window !== 'undefined' && 'speechSynthesis' in window);
    return () => {
      if (typeof window !== 'undefined' && 'speechSynthesis' in window)
        window.speechSynthesis.cancel();
    };
  }, []);

  if (props.audioUrl) {
    return (
      <figure className="read-aloud">
        <figcaption>
          {t('readAloud')}
          {props.durationSeconds
            ? ` (${Math.max(1, Math.round(props.durationSeconds / 60))} ${t('minutes')})`
            : ''}
        </figcaption>
        <audio controls preload="none" src={props.audioUrl} data-testid="bulletin-audio">
          <a href={props.audioUrl}>{t('download')}</a>
        </audio>
      </figure>
    );
  }
  if (!props.text || !canSpeak) return null;
  const speak = () => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(props.text!);
    const lang = props.language || 'vi-VN';
    utterance.lang = lang;
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang.slice(0, 2)));
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    synth.speak(utterance);
    setSpeaking(true);
  };
  return (
    <div className="read-aloud">
      <button type="button" onClick={speak} aria-pressed={speaking}>
        {speaking ? t('stopReading') : t('readAloudSpeech')}
      </button>
    </div>
  );
}

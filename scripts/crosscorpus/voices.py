#!/usr/bin/python3
"""Speech from other voices, cut by their own phone timings: the cross-corpus test set (issue 23).

Synthesises the same lines with every English voice of the three speech synthesisers Debian
carries (espeak-ng's en-us variants, flite's voices, festival's kal_diphone) and writes a corpus
that `spectrolens dataset` reads as a CSV manifest (path,label,start,end,speaker):

  OUT/wavs/<voice>/<line>.wav   one line, the synthesiser's own rate, 16-bit mono
  OUT/manifest.csv              one row per vowel /i ae er aa u/ and unvoiced consonant
                                /p t k f s ch sh th/, labelled in ARPAbet, times in seconds
  OUT/voices.csv                speaker,synthesiser,rate,set: set is `tune` for the voices a
                                person may look at while changing the built-in corpus, `report`
                                for the ones whose accuracy is reported (kept apart, so the
                                figure is not tuned to them)

The phone times are the synthesiser's own (no forced aligner): espeak-ng's phoneme events
(through its C library, the same as `espeak-ng -w`), flite's `-psdur`, festival's Segment
relation. They are exact for what each synthesiser meant to say; the labels are its
phonemisation of the text (e.g. the LOT vowel of "hot" is AA in General American), which is
what a forced aligner run on the transcript would give.

Usage: voices.py OUT [--voices all|tune|report]
"""
import ctypes
import os
import subprocess
import sys
import tempfile
import wave

# Read speech: the /hVd/ words of the studies in a carrier phrase, then connected sentences with
# every vowel class beside stops and fricatives at several places of articulation.
LINES = [
    "Say heed again.", "Say had again.", "Say heard again.", "Say hod again.", "Say who'd again.",
    "Say beat again.", "Say bat again.", "Say Bert again.", "Say bought again.", "Say boot again.",
    "The cat sat on the hot pot and had a bad habit.",
    "We need to keep the sheep near the green field.",
    "The bird heard the early worm turn in the dirt.",
    "Father got a lot of hot coffee from the shop.",
    "The blue moon shone through the room at noon.",
    "She sees three cheap seats at the back of the bus.",
    "His first shirt was thick and the third was thin.",
    "Put the black cap on top of the tall stack of boxes.",
    "A few cool shoes were stuck in the soft mud by the pool.",
    "Tom thought the calm pond was a perfect spot to fish.",
    "Keep the sharp knife far from the chapter on the desk.",
    "Sue picked a ripe peach and a sweet fig for her son.",
]

# ARPAbet labels the dataset maps (LabelMap): vowels and the paper's unvoiced consonants.
KEEP = {"IY", "AE", "ER", "AA", "UW", "P", "T", "K", "F", "S", "CH", "SH", "TH"}

# espeak-ng's en-us phoneme mnemonics to ARPAbet: i: (FLEECE), a (TRAP), 3: and 3 (NURSE,
# lettER), A: (PALM) and 0 (LOT, unrounded in en-us), u: (GOOSE); tS, S, T for ch, sh, th.
ESPEAK = {"i:": "IY", "a": "AE", "3:": "ER", "3": "ER", "A:": "AA", "0": "AA", "u:": "UW",
          "p": "P", "t": "T", "k": "K", "f": "F", "s": "S", "tS": "CH", "S": "SH", "T": "TH"}

ESPEAK_VOICES = ["en-us+" + v for v in ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5")] + [
    "en-us+klatt", "en-us+klatt2", "en-us+klatt3"]
FLITE_VOICES = ["kal", "kal16", "awb", "rms", "slt"]
FESTIVAL_VOICES = ["kal_diphone"]
# One voice per synthesiser is looked at while tuning; every other voice is reported.
TUNE = {"espeak:en-us+m3", "espeak:en-us+f2", "flite:kal16"}


class _Event(ctypes.Structure):
    class _Id(ctypes.Union):
        _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]

    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint), ("text_position", ctypes.c_int),
                ("length", ctypes.c_int), ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", _Id)]


class Espeak:
    """espeak-ng through libespeak-ng: samples and phoneme events of one synthesis."""
    PHONEME, END_OF_LIST = 7, 0

    def __init__(self):
        self.lib = ctypes.CDLL("libespeak-ng.so.1")
        # AUDIO_OUTPUT_SYNCHRONOUS (2), phoneme events on (1) and never exit the process (0x8000)
        self.rate = self.lib.espeak_Initialize(2, 0, None, 0x8001)
        if self.rate <= 0:
            raise RuntimeError("espeak-ng: cannot initialise")
        proto = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))
        self._callback = proto(self._collect)  # kept referenced: the library calls it later
        self.lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav, n, events):
        if wav and n > 0:
            self.samples.extend(wav[:n])
        i = 0
        while events[i].type != self.END_OF_LIST:
            e = events[i]
            if e.type == self.PHONEME:
                self.events.append((e.id.string.decode("ascii", "replace"), e.audio_position / 1000.0))
            i += 1
        return 0

    def say(self, voice, text):
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise RuntimeError("espeak-ng: no voice " + voice)
        self.samples, self.events = [], []
        b = text.encode()
        self.lib.espeak_Synth(b, len(b) + 1, 0, 1, 0, 0, None, None)
        self.lib.espeak_Synchronize()
        end = len(self.samples) / self.rate
        phones = []
        for k, (p, t) in enumerate(self.events):  # each phoneme lasts until the next one starts
            t1 = self.events[k + 1][1] if k + 1 < len(self.events) else end
            if p in ESPEAK and t1 > t:
                phones.append((ESPEAK[p], t, t1))
        return self.rate, self.samples, phones


def write_wav(path, rate, samples):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(int(s).to_bytes(2, "little", signed=True) for s in samples))


def wav_rate_and_length(path):
    with wave.open(path) as w:
        return w.getframerate(), w.getnframes() / w.getframerate()


def ends_to_spans(ends, length):
    """(phone, end) pairs to (ARPAbet, start, end) spans kept by KEEP, clipped to the audio."""
    spans, start = [], 0.0
    for p, end in ends:
        lab = p.upper()
        s, e = min(start, length), min(end, length)
        if lab in KEEP and e > s:
            spans.append((lab, s, e))
        start = end
    return spans


def flite(voice, text, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    out = subprocess.run(["flite", "-voice", voice, "-t", text, "-o", path, "-psdur"], check=True,
                         capture_output=True, text=True).stdout
    ends = [(tok.rsplit(":", 1)[0], float(tok.rsplit(":", 1)[1])) for tok in out.split() if ":" in tok]
    rate, length = wav_rate_and_length(path)
    return rate, ends_to_spans(ends, length)


def festival(voice, text, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    quoted = text.replace("\\", "").replace('"', "")
    script = ('(begin (voice_%s) (set! u (utt.synth (Utterance Text "%s"))) (utt.save.wave u "%s" (quote riff)) '
              '(mapcar (lambda (s) (format t "%%s %%f\\n" (item.name s) (item.feat s "end"))) '
              '(utt.relation.items u (quote Segment))))' % (voice, quoted, path))
    with tempfile.NamedTemporaryFile("w", suffix=".scm", delete=False) as f:
        f.write(script)
    try:
        out = subprocess.run(["festival", "-b", f.name], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    ends = [(a, float(b)) for a, b in (line.split() for line in out.splitlines() if len(line.split()) == 2)]
    rate, length = wav_rate_and_length(path)
    return rate, ends_to_spans(ends, length)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = os.path.abspath(sys.argv[1])
    which = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--voices" else "all"
    voices = [("espeak", v) for v in ESPEAK_VOICES] + [("flite", v) for v in FLITE_VOICES] + [
        ("festival", v) for v in FESTIVAL_VOICES]
    voices = [v for v in voices if which == "all" or (("%s:%s" % v in TUNE) == (which == "tune"))]
    espeak = Espeak()
    rows, table = [], []
    for synth, voice in voices:
        speaker = "%s:%s" % (synth, voice)
        folder = speaker.replace(":", "-").replace("+", "-")
        rate = None
        for n, text in enumerate(LINES):
            rel = "wavs/%s/%02d.wav" % (folder, n)
            path = os.path.join(out, rel)
            if synth == "espeak":
                rate, samples, spans = espeak.say(voice, text)
                write_wav(path, rate, samples)
            elif synth == "flite":
                rate, spans = flite(voice, text, path)
            else:
                rate, spans = festival(voice, text, path)
            rows += ["%s,%s,%.4f,%.4f,%s" % (rel, lab, s, e, speaker) for lab, s, e in spans]
        table.append("%s,%s,%d,%s" % (speaker, synth, rate, "tune" if speaker in TUNE else "report"))
        print("%-24s %5d Hz %4d segments" % (speaker, rate, sum(1 for r in rows if r.endswith("," + speaker))), flush=True)
    with open(os.path.join(out, "manifest.csv"), "w") as f:
        f.write("path,label,start,end,speaker\n" + "\n".join(rows) + "\n")
    with open(os.path.join(out, "voices.csv"), "w") as f:
        f.write("speaker,synthesiser,rate,set\n" + "\n".join(table) + "\n")


if __name__ == "__main__":
    main()

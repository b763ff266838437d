# Measures F1 and F2 with Praat's To Formant (burg) at given times.
# jobs: one line per measurement, "wav<TAB>time<TAB>ceiling"; out: "f1<TAB>f2" per job, in order.
form Measure formants
  sentence jobs
  sentence out
endform
lines = Read Strings from raw text file: jobs$
n = Get number of strings
writeFile: out$, ""
lastFile$ = ""
snd = 0
for i to n
  selectObject: lines
  line$ = Get string: i
  tab1 = index(line$, tab$)
  file$ = left$(line$, tab1 - 1)
  rest$ = mid$(line$, tab1 + 1, 100000)
  tab2 = index(rest$, tab$)
  t = number(left$(rest$, tab2 - 1))
  ceiling = number(mid$(rest$, tab2 + 1, 100000))
  if file$ <> lastFile$
    if snd <> 0
      removeObject: snd
    endif
    snd = Read from file: file$
    lastFile$ = file$
  endif
  selectObject: snd
  dur = Get total duration
  part = Extract part: max(0, t - 0.1), min(dur, t + 0.1), "rectangular", 1, "yes"
  fmt = To Formant (burg): 0, 5, ceiling, 0.025, 50
  f1 = Get value at time: 1, t, "hertz", "linear"
  f2 = Get value at time: 2, t, "hertz", "linear"
  appendFileLine: out$, fixed$(f1, 1) + tab$ + fixed$(f2, 1)
  removeObject: part, fmt
endfor

# Mean harmonicity (Praat To Harmonicity (cc), 0.15-0.35 s) of the isolated synthetic vowels M-*, W-*, C-*.wav in a folder
# (as written by SynthValidation.measureIsolated). Usage: praat --run scripts/synth/hnr.praat DIR
form x
  sentence dir
endform
list = Create Strings as file list: "l", dir$ + "/*.wav"
n = Get number of strings
for g to 3
  g$ = mid$("MWC", g, 1)
  s = 0
  c = 0
  for i to n
    selectObject: list
    f$ = Get string: i
    if left$(f$, 1) = g$
      snd = Read from file: dir$ + "/" + f$
      h = To Harmonicity (cc): 0.01, 75, 0.1, 1
      v = Get mean: 0.15, 0.35
      s = s + v
      c = c + 1
      removeObject: snd, h
    endif
  endfor
  appendInfoLine: g$, " mean HNR ", fixed$(s / c, 1), " dB over ", c
endfor

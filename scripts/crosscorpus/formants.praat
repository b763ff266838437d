# Mean F1-F3 (Praat Burg, 5 formants, ceiling 5500 Hz; 5000 Hz for speakers whose id has "+m",
# "kal", "awb" or "rms": men) over the middle half of every vowel of a manifest; appends
# path,label,speaker,f1,f2,f3 rows to OUT.
#   praat --run formants.praat /abs/manifest.csv /abs/out.csv
form Formants of a manifest's vowels
  sentence manifest
  sentence out
endform
dir$ = manifest$ - "manifest.csv"
table = Read Table from comma-separated file: manifest$
n = Get number of rows
writeFileLine: out$, "path,label,speaker,f1,f2,f3"
last$ = ""
for i to n
  selectObject: table
  label$ = Get value: i, "label"
  if label$ = "IY" or label$ = "AE" or label$ = "ER" or label$ = "AA" or label$ = "UW"
    path$ = Get value: i, "path"
    speaker$ = Get value: i, "speaker"
    t0 = Get value: i, "start"
    t1 = Get value: i, "end"
    if path$ <> last$
      if last$ <> ""
        removeObject: sound, formant
      endif
      ceiling = 5500
      if index(speaker$, "+m") > 0 or index(speaker$, "kal") > 0 or index(speaker$, "awb") > 0 or index(speaker$, "rms") > 0
        ceiling = 5000
      endif
      sound = Read from file: dir$ + path$
      formant = To Formant (burg): 0, 5, ceiling, 0.025, 50
      last$ = path$
    endif
    selectObject: formant
    q = (t1 - t0) / 4
    f1 = Get mean: 1, t0 + q, t1 - q, "hertz"
    f2 = Get mean: 2, t0 + q, t1 - q, "hertz"
    f3 = Get mean: 3, t0 + q, t1 - q, "hertz"
    appendFileLine: out$, path$, ",", label$, ",", speaker$, ",", fixed$(f1, 0), ",", fixed$(f2, 0), ",", fixed$(f3, 0)
  endif
endfor

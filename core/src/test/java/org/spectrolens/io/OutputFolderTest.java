package org.spectrolens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;

class OutputFolderTest {
  @TempDir Path tmp;

  private Path write(String command, String... files) throws Exception {
    Path out = tmp.resolve("out");
    try (OutputFolder f = OutputFolder.create(out, command, false)) {
      for (String n : files) Files.writeString(f.dir().resolve(n), n);
      f.commit();
    }
    return out;
  }

  private String refusal(Runnable r) {
    return assertThrows(SpectrolensException.class, r::run).getMessage();
  }

  @Test
  void commitPublishesAndRecordsTheEntries() throws Exception {
    Path out = write("dataset", "a.txt", "b.txt");
    assertEquals("a", Files.readString(out.resolve("a.txt")).substring(0, 1));
    OutputFolder.Marker m = OutputFolder.markerOf(out).orElseThrow();
    assertEquals("dataset", m.command());
    assertEquals("complete", m.state());
    assertEquals(List.of("a.txt", "b.txt"), m.entries());
    assertFalse(Files.exists(tmp.resolve("out.partial")));
    assertFalse(Files.exists(tmp.resolve("out.old")));
    assertFalse(Files.exists(OutputLock.fileOf(out)), "the lock is released");
  }

  @Test
  void aFailedRunLeavesTheOldOutputWholeAndNoPartial() throws Exception {
    Path out = write("dataset", "a.txt");
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      Files.writeString(f.dir().resolve("half.txt"), "x");
      // no commit: an exception would land here
    }
    assertTrue(Files.exists(out.resolve("a.txt")));
    assertFalse(Files.exists(out.resolve("half.txt")));
    assertFalse(Files.exists(tmp.resolve("out.partial")));
  }

  @Test
  void rerunReplacesItsOwnOutputCompletely() throws Exception {
    write("dataset", "a.txt", "b.txt");
    Path out = write("dataset", "c.txt");
    assertFalse(Files.exists(out.resolve("a.txt")), "no stale files of the earlier run survive");
    assertTrue(Files.exists(out.resolve("c.txt")));
  }

  @Test
  void foreignFilesAnotherCommandAndUnmarkedFoldersAreRefused() throws Exception {
    Path out = write("dataset", "a.txt");
    Files.writeString(out.resolve("notes.txt"), "mine");
    assertEquals(out + ": holds 'notes.txt', which 'spectrolens dataset' did not write; refusing to replace it"
        + " (move it away, or choose another `out`)", refusal(() -> OutputFolder.create(out, "dataset", true)));
    Files.delete(out.resolve("notes.txt"));
    assertEquals(out + ": holds the output of 'spectrolens dataset'; refusing to replace it with that of 'synth'"
        + " (choose another `out`, or `force`)", refusal(() -> OutputFolder.create(out, "synth", false)));
    Path user = Files.createDirectories(tmp.resolve("user"));
    Files.writeString(user.resolve("thesis.tex"), "precious");
    assertTrue(refusal(() -> OutputFolder.create(user, "dataset", true)).contains("was not written by spectrolens"));
    assertEquals("precious", Files.readString(user.resolve("thesis.tex")));
  }

  @Test
  void forceReplacesAnotherCommandsFolder() throws Exception {
    Path out = write("dataset", "a.txt");
    try (OutputFolder f = OutputFolder.create(out, "synth", true)) {
      f.commit();
    }
    assertEquals("synth", OutputFolder.markerOf(out).orElseThrow().command());
  }

  @Test
  void partialAndOldAreDeletedOnlyWhenMarked() throws Exception {
    Path out = tmp.resolve("out");
    Path partial = Files.createDirectories(tmp.resolve("out.partial"));
    Files.writeString(partial.resolve("x"), "not ours");
    assertEquals(partial + ": exists and was not written by spectrolens; refusing to delete it (move it away)",
        refusal(() -> OutputFolder.create(out, "dataset", true)));
    assertTrue(Files.exists(partial.resolve("x")));
    // a killed run's marker lists what it had begun to write (recorded before the first byte)
    Json.write(partial.resolve(OutputFolder.MARKER), new OutputFolder.Marker("dataset", "partial", List.of("x"), 1, "t", null));
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      assertFalse(Files.exists(partial.resolve("x")), "a marked leftover of a killed run is cleared");
    }
  }

  @Test
  void anOldLeftBetweenTheTwoRenamesComesBack() throws Exception {
    Path out = write("dataset", "a.txt");
    Files.move(out, tmp.resolve("out.old"));
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      assertTrue(Files.exists(out.resolve("a.txt")));
    }
    assertTrue(Files.exists(out.resolve("a.txt")), "not committed: the recovered output stays");
  }

  @Test
  void aSecondWriterFailsAtOnceNamingThePid() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      String msg = refusal(() -> OutputFolder.create(out, "dataset", false));
      assertEquals(out + ": another spectrolens run (pid " + ProcessHandle.current().pid()
          + ") is writing it; wait for it to finish or choose another `out`", msg);
      assertTrue(Files.isDirectory(f.dir()), "the first run's staging folder is untouched");
    }
  }

  @Test
  void aStaleLockOfADeadProcessIsTakenOver() throws Exception {
    Path out = tmp.resolve("out");
    Files.writeString(OutputLock.fileOf(out), "999999999 left-by-a-killed-run\n");
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      f.commit();
    }
    assertTrue(Files.isDirectory(out));
  }

  @Test
  void inputsAreRefusedUnlessForced() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    assertTrue(refusal(() -> OutputFolder.create(corpus, "dataset", false, corpus)).contains(": is an input of this run"));
    assertTrue(refusal(() -> OutputFolder.create(corpus.resolve("ds"), "dataset", false, corpus)).contains(": lies inside an input"));
    assertTrue(refusal(() -> OutputFolder.create(tmp, "dataset", false, corpus)).contains(": contains an input"));
  }

  @Test
  void inPlaceKeepsAnUnfinishedRunAndRefusesAnotherCommandEvenForced() throws Exception {
    Path out = tmp.resolve("model");
    try (OutputFolder f = OutputFolder.inPlace(out, "train", false)) {
      AtomicFiles.writeString(f.dir().resolve("checkpoint"), "c");
    } // killed before commit
    try (OutputFolder f = OutputFolder.inPlace(out, "train", false)) {
      assertTrue(Files.exists(out.resolve("checkpoint")));
      f.commit();
    }
    assertEquals(List.of("checkpoint"), OutputFolder.markerOf(out).orElseThrow().entries());
    assertTrue(refusal(() -> OutputFolder.inPlace(out, "dataset", true)).contains("holds the output of 'spectrolens train'"));
  }

  @Test
  void outputFileRefusesInputsOtherKindsAndFilesOfAnOutputFolder() throws Exception {
    Path wav = Files.writeString(tmp.resolve("in.wav"), "RIFF");
    assertEquals(wav + ": exists and is not a .json file; refusing to overwrite it with one (choose another `out`, or `force`)",
        refusal(() -> OutputFile.check(wav, "json", false)));
    assertTrue(refusal(() -> OutputFile.check(wav, "wav", false, wav)).contains(": is an input of this run"));
    Path model = tmp.resolve("model");
    try (OutputFolder f = OutputFolder.inPlace(model, "train", false)) {
      AtomicFiles.writeString(f.dir().resolve("checkpoint.safetensors"), "c");
      f.commit();
    }
    assertTrue(refusal(() -> OutputFile.check(model.resolve("checkpoint.safetensors"), "safetensors", false))
        .contains("belongs to the output of 'spectrolens train'"));
    assertEquals(model.resolve("eval.json"), OutputFile.check(model.resolve("eval.json"), "json", false));
    assertEquals(wav, OutputFile.check(wav, "json", true));
    assertTrue(refusal(() -> OutputFile.check(model, "json", true)).contains("is a folder"));
  }

  // issue 22: nothing of the user's is deleted or adopted, at any depth, beside the output or inside it

  @Test
  void aRefusedInPlaceRunLeavesTheMarkerAsItWas() throws Exception {
    Path model = tmp.resolve("model");
    try (OutputFolder f = OutputFolder.inPlace(model, "train", false)) {
      AtomicFiles.writeString(f.dir().resolve("model.safetensors"), "w");
      f.commit();
    }
    String before = Files.readString(model.resolve(OutputFolder.MARKER));
    try (OutputFolder f = OutputFolder.inPlace(model, "train", false)) {
      // the trainer refuses here ("already holds a model"): nothing written
    }
    assertEquals(before, Files.readString(model.resolve(OutputFolder.MARKER)));
  }

  @Test
  void aResumedRunNeverAdoptsAUsersFile() throws Exception {
    Path model = tmp.resolve("model");
    try (OutputFolder f = OutputFolder.inPlace(model, "train", false)) {
      AtomicFiles.writeString(f.dir().resolve("checkpoint"), "c");
      assertEquals(List.of("checkpoint"), OutputFolder.markerOf(model).orElseThrow().entries(), "recorded before its first byte");
    } // killed before commit
    Files.writeString(model.resolve("notes.txt"), "mine");
    assertEquals(model + ": holds 'notes.txt', which 'spectrolens train' did not write; refusing to replace it"
        + " (move it away, or choose another `out`)", refusal(() -> OutputFolder.inPlace(model, "train", false)));
    assertEquals("mine", Files.readString(model.resolve("notes.txt")));
  }

  @Test
  void aUsersFileNestedInsideAnEarlierOutputIsKept() throws Exception {
    Path out = tmp.resolve("ds");
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      AtomicFiles.writeString(f.dir().resolve("items/a.npy"), "a");
      f.commit();
    }
    assertEquals(List.of("items/a.npy"), OutputFolder.markerOf(out).orElseThrow().entries(), "every file, at any depth");
    Files.writeString(out.resolve("items/notes.txt"), "mine");
    assertEquals(out + ": holds 'items/notes.txt', which 'spectrolens dataset' did not write; refusing to replace it"
        + " (move it away, or choose another `out`)", refusal(() -> OutputFolder.create(out, "dataset", false)));
    assertEquals("mine", Files.readString(out.resolve("items/notes.txt")));
    assertTrue(refusal(() -> OutputFolder.delete(out, "dataset")).contains("holds 'items/notes.txt'"));
    assertEquals("mine", Files.readString(out.resolve("items/notes.txt")));
  }

  @Test
  void aUsersFileInsideAPartialOrOldLeftoverIsKept() throws Exception {
    Path out = write("dataset", "a.txt");
    for (String suffix : List.of(".partial", ".old")) {
      Path left = tmp.resolve("out" + suffix);
      Files.createDirectories(left);
      Json.write(left.resolve(OutputFolder.MARKER), new OutputFolder.Marker("dataset", "partial", List.of("items"), 1, "t", "out"));
      Files.writeString(left.resolve("notes.txt"), "mine");
      assertEquals(left + ": holds 'notes.txt', which 'spectrolens dataset' did not write; refusing to delete it (move it away)",
          refusal(() -> OutputFolder.create(out, "dataset", false)));
      assertEquals("mine", Files.readString(left.resolve("notes.txt")));
      Files.delete(left.resolve("notes.txt"));
      AtomicFiles.writeString(left.resolve("items/a.npy"), "listed: a killed run's");
      try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
        assertFalse(Files.exists(left.resolve("items")), "a leftover holding only what its marker lists is cleared");
      }
    }
  }

  /** A user's file put inside a folder a killed run was writing (out.partial/items/notes.txt) is not the run's. */
  @Test
  void aUsersFileNestedInAKilledRunsLeftoverIsKept() throws Exception {
    Path out = tmp.resolve("out");
    Path partial = tmp.resolve("out.partial");
    Path copy = tmp.resolve("copy");
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      AtomicFiles.writeString(f.dir().resolve("items/a.npy"), "ours");
      AtomicFiles.writeString(f.dir().resolve("items/deeper/b.npy"), "ours");
      AtomicFiles.writeString(f.dir().resolve("top.json"), "ours");
      copyTree(partial, copy); // the folder as a kill -9 would leave it
    }
    copyTree(copy, partial);
    Files.writeString(partial.resolve("items/notes.txt"), "mine");
    Files.writeString(partial.resolve("items/deeper/more.txt"), "mine too");
    assertEquals(partial + ": holds 'items/deeper/more.txt', which 'spectrolens dataset' did not write; refusing to delete it (move it away)",
        refusal(() -> OutputFolder.create(out, "dataset", false)));
    assertEquals("mine", Files.readString(partial.resolve("items/notes.txt")));
    assertEquals("mine too", Files.readString(partial.resolve("items/deeper/more.txt")));
    Files.delete(partial.resolve("items/notes.txt"));
    Files.delete(partial.resolve("items/deeper/more.txt"));
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      assertFalse(Files.exists(partial.resolve("items")), "what the journal lists is cleared");
      AtomicFiles.writeString(f.dir().resolve("items/c.npy"), "ours");
      f.commit();
    }
    assertFalse(Files.exists(out.resolve(".spectrolens.files")), "no journal in a complete output");
    assertEquals(List.of("items/c.npy"), OutputFolder.markerOf(out).orElseThrow().entries());
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) Files.copy(p, to.resolve(from.relativize(p).toString()));
    }
  }

  @Test
  void aDeliberateOutputNamedLikeALeftoverIsNotOne() throws Exception {
    Path kept = tmp.resolve("seg.old");
    try (OutputFolder f = OutputFolder.create(kept, "segment", false)) {
      AtomicFiles.writeString(f.dir().resolve("regions.csv"), "r");
      f.commit();
    }
    Path seg = tmp.resolve("seg");
    assertEquals(kept + ": is the output of 'spectrolens segment' written as 'seg.old', not a leftover of 'seg'; refusing to delete it"
        + " (move it away, or choose another `out`)", refusal(() -> OutputFolder.create(seg, "segment", false)));
    assertTrue(Files.exists(kept.resolve("regions.csv")));
    assertFalse(Files.exists(seg), "not moved back as if it were a half-committed run");
  }

  /** A kill after the folder was made and before its marker was renamed into place: not stuck. */
  @Test
  void aFolderHoldingOnlyAHalfWrittenMarkerCountsAsEmpty() throws Exception {
    Path out = tmp.resolve("ds");
    Path partial = Files.createDirectories(tmp.resolve("ds.partial"));
    Files.writeString(partial.resolve("." + OutputFolder.MARKER + ".8361912.tmp"), "{\"comm");
    Path model = Files.createDirectories(tmp.resolve("model"));
    Files.writeString(model.resolve("." + OutputFolder.MARKER + ".12.tmp"), "");
    try (OutputFolder f = OutputFolder.create(out, "dataset", false)) {
      f.commit();
    }
    try (OutputFolder f = OutputFolder.inPlace(model, "train", false)) {
      f.commit();
    }
    assertEquals("complete", OutputFolder.markerOf(out).orElseThrow().state());
    assertEquals("complete", OutputFolder.markerOf(model).orElseThrow().state());
  }
}

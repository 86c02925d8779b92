package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The name in a plan page's URL, from the plan's file name. */
class SlugsTest {
  @Test
  void aFileNameGivesTheSlug() {
    assertEquals("unit-2-0-invoice-builder", Slugs.ofFile("units/Unit 2.0 Invoice Builder.md"));
    assertEquals("uber-die-brucke", Slugs.ofFile("plans/Über die Brücke.md"));
    assertEquals("strasse-2", Slugs.ofFile("Straße_2.MD"));
  }

  @Test
  void aGenericFileNameTakesItsFoldersName() {
    assertEquals("001-user-auth", Slugs.ofFile("specs/001-user-auth/plan.md"));
    assertEquals("001-user-auth-tasks", Slugs.ofFile("specs/001-user-auth/tasks.md"));
    assertEquals("02-03", Slugs.ofFile("phases/02-api/02-03-PLAN.md"));
  }

  @Test
  void aNameWithNothingToKeepOrThatWindowsReservesStillGivesAFolder() {
    assertEquals("plan", Slugs.ofFile("план.md"));
    assertEquals("con-plan", Slugs.ofFile("con.md"));
    assertEquals(80, Slugs.ofFile("x".repeat(120) + ".md").length());
  }
}

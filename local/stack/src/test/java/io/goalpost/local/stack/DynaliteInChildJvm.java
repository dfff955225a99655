package io.goalpost.local.stack;

import java.util.concurrent.CountDownLatch;

/** Started in a child JVM by {@link DynaliteTest}: starts dynalite, says its pid, waits to be killed. */
public final class DynaliteInChildJvm {

  public static void main(String[] args) throws InterruptedException {
    Dynalite dynalite = Dynalite.start();
    System.out.println("node-pid=" + dynalite.pid());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}

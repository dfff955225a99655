/** Goalpost's domain core: one package per capability, ports named by role, no AWS imports. */
package io.goalpost.core;

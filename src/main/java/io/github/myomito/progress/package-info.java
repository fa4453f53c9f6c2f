/** Progress reporting and cancellation shared by the core and its doors. */
package io.github.myomito.progress;
